/**
 * Event trigger lexicon (data/lexicon/events/verbs.tsv, nouns.tsv): patterns -> CAMEO codes.
 * See data/lexicon/README.md for the pattern language.
 */
import { join } from 'node:path';
import { existsSync } from 'node:fs';
import { readTsv, LexiconError, DEFAULT_DATA_DIR } from './tsv.js';
import type { CameoTable } from '../ontology/cameo.js';

export type PatternEl =
  | { kind: 'word'; alts: string[] }
  | { kind: 'gap' }
  | { kind: 'tgt' }
  | { kind: 'src' };

export interface EventRule {
  cameo: string;
  /** Words accepted for the head (first pattern word). */
  head: string[];
  /** Pattern elements after the head. */
  rest: PatternEl[];
  pos: 'verb' | 'noun';
  tgtPreps: string[] | null;
  notgt: boolean;
  recip: boolean;
  absorb: boolean;
  passive: boolean;
  /** The subject receives the act; the source follows "from"/"by" ("received a call from B"). */
  inverse: boolean;
  /** PLOVER event (and mode) when the words say more than the CAMEO code's default ("resign" -> RETREAT resign). */
  plover: { event: string; mode: string | null } | null;
  /** Number of literal words and slots: longer patterns win. */
  specificity: number;
  /** "events/verbs.tsv:12 call on|upon TGT to" */
  id: string;
  order: number;
}

export interface EventLexicon {
  verbs: Map<string, EventRule[]>;
  nouns: Map<string, EventRule[]>;
  size: number;
}

const PLOVER_EVENTS = new Set(['AGREE', 'CONSULT', 'SUPPORT', 'CONCEDE', 'COOPERATE', 'AID', 'RETREAT', 'REQUEST', 'ACCUSE', 'REJECT',
  'THREATEN', 'PROTEST', 'SANCTION', 'MOBILIZE', 'COERCE', 'ASSAULT']);
const FLAG = /^(tgt=[a-z|]+|plover=[A-Z]+(:[a-z_-]+)?|notgt|recip|absorb|passive|inverse)$/;

function parsePattern(pattern: string, file: string, line: number): { head: string[]; rest: PatternEl[] } {
  const words = pattern.trim().split(/\s+/);
  if (words.length === 0 || /^(\*|TGT|SRC)$/.test(words[0])) throw new LexiconError(file, line, `pattern must start with a word, got "${pattern}"`);
  const head = words[0].toLowerCase().split('|');
  const rest: PatternEl[] = words.slice(1).map((w) => {
    if (w === '*') return { kind: 'gap' };
    if (w === 'TGT') return { kind: 'tgt' };
    if (w === 'SRC') return { kind: 'src' };
    if (!/^[\p{L}\p{N}'’.-]+(\|[\p{L}\p{N}'’.-]+)*$/u.test(w)) throw new LexiconError(file, line, `bad pattern word "${w}"`);
    return { kind: 'word', alts: w.toLowerCase().split('|') };
  });
  if (rest.length && rest[rest.length - 1].kind === 'gap') throw new LexiconError(file, line, 'pattern cannot end with *');
  return { head, rest };
}

function loadFile(path: string, label: string, pos: 'verb' | 'noun', cameo: CameoTable, into: Map<string, EventRule[]>, start: number): number {
  if (!existsSync(path)) return 0;
  let count = 0;
  for (const r of readTsv(path, 2, 4, label)) {
    const [code, pattern, flagText = '-'] = r.cols;
    if (!cameo.has(code)) throw new LexiconError(r.file, r.line, `unknown CAMEO code "${code}"`);
    const { head, rest } = parsePattern(pattern, r.file, r.line);
    const flags = flagText === '-' || flagText === '' ? [] : flagText.split(',').map((f) => f.trim());
    for (const f of flags) if (!FLAG.test(f)) throw new LexiconError(r.file, r.line, `unknown flag "${f}"`);
    const tgt = flags.find((f) => f.startsWith('tgt='));
    const pl = flags.find((f) => f.startsWith('plover='));
    const [plEvent, plMode] = pl ? pl.slice(7).split(':') : [null, null];
    if (plEvent && !PLOVER_EVENTS.has(plEvent)) throw new LexiconError(r.file, r.line, `unknown PLOVER event "${plEvent}"`);
    const rule: EventRule = {
      cameo: code, head, rest, pos,
      tgtPreps: tgt ? tgt.slice(4).split('|') : null,
      notgt: flags.includes('notgt'),
      recip: flags.includes('recip'),
      absorb: flags.includes('absorb'),
      passive: flags.includes('passive'),
      inverse: flags.includes('inverse'),
      plover: plEvent ? { event: plEvent, mode: plMode ?? null } : null,
      specificity: 1 + rest.filter((e) => e.kind !== 'gap').length,
      id: `${label}:${r.line} ${pattern}`,
      order: start + count,
    };
    for (const h of head) {
      const list = into.get(h) ?? [];
      list.push(rule);
      into.set(h, list);
    }
    count++;
  }
  return count;
}

export function loadEventLexicon(cameo: CameoTable, dataDir = DEFAULT_DATA_DIR): EventLexicon {
  const dir = join(dataDir, 'lexicon', 'events');
  const verbs = new Map<string, EventRule[]>();
  const nouns = new Map<string, EventRule[]>();
  let size = loadFile(join(dir, 'verbs.tsv'), 'events/verbs.tsv', 'verb', cameo, verbs, 0);
  size += loadFile(join(dir, 'nouns.tsv'), 'events/nouns.tsv', 'noun', cameo, nouns, size);
  for (const m of [verbs, nouns]) for (const list of m.values()) list.sort((a, b) => b.specificity - a.specificity || a.order - b.order);
  return { verbs, nouns, size };
}
