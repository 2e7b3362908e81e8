/**
 * Gazetteer: a token trie over every actor phrase (countries, demonyms, capitals, IGOs, agents, people).
 * Lookup walks the document's lower-cased tokens (and the lemma at the last step, so plurals match)
 * and returns the longest phrase at a position that passes its case check.
 */
import type { GazEntry } from '../../lexicon/actors.js';
import type { TextDoc } from '../text.js';

interface TrieNode {
  next: Map<string, TrieNode>;
  entries: GazEntry[] | null;
}

export interface Atom {
  start: number;
  end: number;
  entry: GazEntry;
  /** A plural demonym ("Palestinians", "Iraqis"): the people of the country. */
  plural?: boolean;
}

const PRIORITY: Record<GazEntry['kind'], number> = { person: 7, igo: 6, group: 5, country: 4, capital: 3, adj: 2, agent: 1 };

function node(): TrieNode {
  return { next: new Map(), entries: null };
}

const CAPS_WORDS = new Set(['US', 'WHO', 'IT', 'IS', 'AS', 'AT', 'ON', 'OR', 'NO', 'AN', 'IN', 'TO', 'BE', 'BY', 'DO', 'GO', 'HE', 'ME', 'MY', 'OF',
  'SO', 'UP', 'WE', 'AM', 'ARE', 'CAN', 'MAY', 'WILL', 'ALL', 'AND', 'ONE', 'OUR', 'NOW', 'NEW', 'OWN', 'USE', 'WAR', 'AID', 'ICE', 'EAST', 'WEST']);

/** Short all-capital acronyms (US, UN, EU) must match with the same case in mixed-case text. */
function isAcronym(phrase: string): boolean {
  return /^[A-Z]{2,4}$/.test(phrase);
}

/** Plain English plural -> singular, for capitalised plurals the tagger leaves unlemmatised ("Soldiers"). */
export function singular(w: string): string {
  if (w.length > 4 && w.endsWith('ies')) return w.slice(0, -3) + 'y';
  if (w.length > 4 && /(ch|sh|x|ss|z)es$/.test(w)) return w.slice(0, -2);
  if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss')) return w.slice(0, -1);
  return w;
}

export class Gazetteer {
  private root = node();
  size = 0;

  /** Which words of a name are capitalised ("Islamic State": both), checked against the text. */
  private caps = new Map<GazEntry, boolean[]>();

  /** `tokenize` must split a phrase the same way the text stage splits documents (surface forms). */
  constructor(entries: GazEntry[], tokenize: (phrase: string) => string[]) {
    for (const e of entries) {
      const raw = tokenize(e.phrase);
      if (raw.length === 0) continue;
      const toks = raw.map((t) => t.toLowerCase().replace(/[’‘`]/g, "'"));
      if (e.kind !== 'agent') this.caps.set(e, raw.map((t) => /^\p{Lu}/u.test(t)));
      let n = this.root;
      for (const t of toks) {
        let c = n.next.get(t);
        if (!c) n.next.set(t, (c = node()));
        n = c;
      }
      n.entries ??= [];
      // One entry per kind and phrase: the first source wins (curated files load before package data),
      // except that a name listed on its own ("Putin") beats the same word known only as a last name.
      const same = n.entries.findIndex((x) => x.kind === e.kind);
      if (same >= 0 && n.entries[same].surname && !e.surname) n.entries[same] = e;
      else if (same < 0) {
        n.entries.push(e);
        n.entries.sort((a, b) => PRIORITY[b.kind] - PRIORITY[a.kind]);
        this.size++;
      }
    }
  }

  private accepts(doc: TextDoc, i: number, e: GazEntry): boolean {
    if (e.kind === 'agent') return true;
    // In text written in capitals an acronym that is also an English word ("US", "WHO", "IT") is the word.
    if (doc.allCaps) return !(isAcronym(e.phrase) && CAPS_WORDS.has(e.phrase));
    if (isAcronym(e.phrase)) return doc.value[i] === e.phrase;
    // Every capitalised word of a name must be capitalised in the text too ("an Islamic state" is not
    // the Islamic State), except an Arabic article written in lower case ("al-Qaeda").
    const caps = this.caps.get(e);
    if (!caps) return doc.cap[i] === 1;
    for (let k = 0; k < caps.length && i + k < doc.n; k++) {
      if (!caps[k] || doc.cap[i + k] === 1 || /^[^\p{L}]/u.test(doc.value[i + k])) continue;
      if (k === 0 && /^(al|el)$/.test(doc.lower[i])) continue;
      return false;
    }
    return true;
  }

  /** Longest acceptable match starting at token i (not crossing `limit`), or null. */
  matchAt(doc: TextDoc, i: number, limit: number, accept?: (e: GazEntry) => boolean): Atom | null {
    let n: TrieNode | undefined = this.root;
    let best: Atom | null = null;
    for (let j = i; j < limit && n; j++) {
      const viaLower: TrieNode | undefined = n.next.get(doc.lower[j]);
      // Plural role words match through the lemma, but only nouns ("suspected" is not a suspect).
      const nounish = doc.pos[j] === 'NOUN' || doc.pos[j] === 'PROPN';
      const lemma = nounish ? (doc.lemma[j] !== doc.lower[j] ? doc.lemma[j] : singular(doc.lower[j])) : null;
      const viaLemma: TrieNode | undefined = lemma && lemma !== doc.lower[j] ? n.next.get(lemma) : undefined;
      for (const c of [viaLower, viaLemma]) {
        if (!c?.entries) continue;
        for (const e of c.entries) {
          // Lemma matches only for agents (plural role words) and demonyms ("Palestinians"), never for names.
          if (c === viaLemma && e.kind !== 'agent' && e.kind !== 'adj') continue;
          if (!this.accepts(doc, i, e) || (accept && !accept(e))) continue;
          if (!best || j + 1 > best.end) best = { start: i, end: j + 1, entry: e, plural: c === viaLemma && e.kind === 'adj' };
          break;
        }
      }
      n = viaLower ?? viaLemma;
    }
    return best;
  }
}
