/** Shared test helpers: one coder and one set of lexicons for the whole test process. */
import { createCoder, loadResources, type Resources } from '../src/pipeline/index.js';
import type { CodedEvent } from '../src/pipeline/types.js';
import type { Coder } from '../src/pipeline/coder-api.js';

let res: Resources | null = null;
let coder: Coder | null = null;
let stmtCoder: Coder | null = null;

export function resources(): Resources {
  res ??= loadResources();
  return res;
}

/** Codes one made-up article and returns its events. */
export function code(text: string, published = '2021-09-01', statements = false): CodedEvent[] {
  if (statements) {
    stmtCoder ??= createCoder({ statements: true }, resources());
    return stmtCoder.code({ id: 't', text, published });
  }
  coder ??= createCoder({}, resources());
  return coder.code({ id: 't', text, published });
}

/** "SRC>TGT:PLOVER" strings for compact assertions (codes, or '-' for a missing actor). */
export function dyads(events: CodedEvent[], withSector = false): string[] {
  return events.map((e) => {
    const a = (x: CodedEvent['source']) => (x ? (withSector ? x.code : x.country ?? '-') : '-');
    return `${a(e.source)}>${a(e.target)}:${e.plover.event ?? e.cameo}`;
  });
}
