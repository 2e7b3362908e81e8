/** Runs the real `dyad` command (bin/dyad.js in a fresh node process) for the CLI tests. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../../bin/dyad.js', import.meta.url));

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function dyad(args: string[], input = '', env: Record<string, string> = {}): CliRun {
  const r = spawnSync(process.execPath, [BIN, ...args], { input, encoding: 'utf8', maxBuffer: 64 << 20, env: { ...process.env, ...env } });
  if (r.error) throw r.error;
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Writes lines to a fresh temporary .jsonl file and returns its path. */
export function jsonlFile(lines: string[], name = 'in.jsonl'): string {
  const f = join(mkdtempSync(join(tmpdir(), 'dyad-cli-')), name);
  writeFileSync(f, lines.join('\n') + '\n');
  return f;
}

const ACTORS = ['Iran', 'France', 'Russian troops', 'The Kenyan police', 'The United Nations', 'Armenia', 'Chinese officials', 'Brazil',
  'The Indian army', 'Germany', 'Rebels in Mali', 'The Japanese government'];
const OBJECTS = ['the United States', 'Azerbaijan', 'Ukraine', 'protesters in Nairobi', 'Syria', 'Turkey', 'Taiwan', 'Argentina',
  'Pakistan', 'Poland', 'French soldiers', 'South Korea'];
/** [past, infinitive] */
const ACTS = [['condemned', 'condemn'], ['attacked', 'attack'], ['met with', 'meet with'], ['accused', 'accuse'], ['criticized', 'criticize'],
  ['praised', 'praise'], ['threatened', 'threaten'], ['signed an agreement with', 'sign an agreement with'], ['arrested', 'arrest'],
  ['sent aid to', 'send aid to'], ['imposed sanctions on', 'impose sanctions on'], ['called on', 'call on']];

/** `n` short made-up articles (JSONL lines) with a few events each, and some with none. */
export function madeUpArticles(n: number): string[] {
  const lines: string[] = [];
  for (let i = 0; i < n; i++) {
    const a = (k: number) => ACTORS[(i * 5 + k) % ACTORS.length];
    const o = (k: number) => OBJECTS[(i * 7 + k) % OBJECTS.length];
    const v = (k: number, form: 0 | 1 = 0) => ACTS[(i * 3 + k) % ACTS.length][form];
    const text = i % 7 === 3
      ? 'The weather was mild and the markets were quiet on Tuesday.'
      : `${a(0)} ${v(0)} ${o(0)} on Monday. Officials said ${a(1).replace(/^The /, 'the ')} ${v(1)} ${o(1)} last week. ${a(2)} did not ${v(2, 1)} ${o(2)}.`;
    lines.push(JSON.stringify({ id: `made-up-${i}`, text, published: `2021-0${1 + (i % 9)}-1${i % 10}` }));
  }
  return lines;
}
