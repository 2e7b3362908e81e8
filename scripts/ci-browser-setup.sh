#!/usr/bin/env bash
# CI: installs Debian's chromium for the browser tests (test/browser/) when it is missing.
# The tests drive it with playwright-core (no browser download); without it they skip with a message.
set -euo pipefail
if [ -x /usr/bin/chromium ]; then
  echo "ci-browser-setup: $(/usr/bin/chromium --version 2>/dev/null || echo 'chromium present')"
  exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "ci-browser-setup: no apt-get here; install chromium yourself (or set DYAD_CHROMIUM to a Chromium binary)" >&2
  exit 1
fi
SUDO=""
if [ "$(id -u)" != "0" ]; then SUDO="sudo"; fi
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core
echo "ci-browser-setup: installed $(/usr/bin/chromium --version 2>/dev/null || echo chromium)"
