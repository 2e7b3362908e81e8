/**
 * Trigger matching: finds lexicon patterns in a sentence by indexed lookup on the head word's lemma,
 * keeps the most specific non-overlapping matches, and lets appeal/intent wrappers absorb the
 * triggers of their complement.
 */
import type { TextDoc } from '../text.js';
import type { EventLexicon, EventRule, PatternEl } from '../../lexicon/events.js';
import type { Mention } from '../actors/mentions.js';
import { clauseEnd } from './clause.js';
import { singular } from '../actors/gazetteer.js';

export interface TriggerMatch {
  rule: EventRule;
  /** The CAMEO code of the event: the rule's, unless a later stage refined it. */
  cameo: string;
  /** Why the code differs from the rule's, for the trace. */
  note: string;
  head: number;
  /** First and last+1 token of the literal pattern words. */
  start: number;
  end: number;
  tgt: Mention | null;
  src: Mention | null;
}

const STOP = new Set(['.', ';', ':', '?', '!']);
const MAX_GAP = 6;
/** Nouns after a nominal trigger that keep it an event ("mediation mission", "negotiations today"). */
const FRAME_NOUNS = new Set(['mission', 'effort', 'process', 'bid', 'attempt', 'campaign', 'operation', 'drive', 'initiative',
  'today', 'yesterday', 'tonight', 'tomorrow', 'morning', 'evening', 'night', 'afternoon', 'weekend']);
const VERB_POS = new Set(['VERB', 'AUX']);
const NOUN_POS = new Set(['NOUN', 'PROPN', 'ADJ', 'X']);

function wordMatches(doc: TextDoc, k: number, alts: string[]): boolean {
  return alts.includes(doc.lemma[k]) || alts.includes(doc.lower[k]);
}

interface State { end: number; tgt: Mention | null; src: Mention | null }

function matchRest(doc: TextDoc, k: number, els: PatternEl[], ei: number, limit: number, mentionAt: Map<number, Mention>, st: State): boolean {
  if (ei === els.length) return true;
  const el = els[ei];
  if (el.kind === 'gap') {
    // Skip up to MAX_GAP units; an actor mention ("the Ivory Coast") counts as one unit.
    let p = k;
    for (let g = 0; g <= MAX_GAP && p <= limit; g++) {
      if (matchRest(doc, p, els, ei + 1, limit, mentionAt, st)) return true;
      if (p >= limit || STOP.has(doc.value[p])) break;
      const m = mentionAt.get(p);
      // The next pattern word may be the head noun of the actor mention itself ("strengthened its forces").
      if (m && m.end - 1 > p && els[ei + 1]?.kind === 'word' && matchRest(doc, m.end - 1, els, ei + 1, limit, mentionAt, st)) return true;
      p = m && m.end > p ? m.end : p + 1;
    }
    return false;
  }
  if (k >= limit) return false;
  // One adverb may stand between pattern words ("called again for", "urged both sides").
  const tries = doc.pos[k] === 'ADV' && k + 1 < limit ? [k, k + 1] : [k];
  for (const t of tries) {
    if (el.kind === 'word') {
      if (wordMatches(doc, t, el.alts)) {
        const prevEnd = st.end;
        st.end = t + 1;
        if (matchRest(doc, t + 1, els, ei + 1, limit, mentionAt, st)) return true;
        st.end = prevEnd;
      }
    } else {
      const m = mentionAt.get(t);
      if (m) {
        const prev = el.kind === 'tgt' ? st.tgt : st.src;
        if (el.kind === 'tgt') st.tgt = m; else st.src = m;
        if (matchRest(doc, m.end, els, ei + 1, limit, mentionAt, st)) return true;
        if (el.kind === 'tgt') st.tgt = prev; else st.src = prev;
      }
    }
  }
  return false;
}

/**
 * "internationally recognized borders", "a Russian-brokered deal", "the occupied territories": a past
 * participle inside a noun phrase describes the noun; it is not a clause's verb.
 */
function isParticipleModifier(doc: TextDoc, i: number, from: number, to: number): boolean {
  if (!/(ed|en)$/.test(doc.lower[i]) || i + 1 >= to) return false;
  const next = doc.pos[i + 1];
  if (next !== 'NOUN' && next !== 'PROPN') return false;
  if (i === from) return true;
  const prev = doc.pos[i - 1];
  return prev === 'DET' || prev === 'ADJ' || doc.value[i - 1] === '-' || (prev === 'ADV' && /ly$/.test(doc.lower[i - 1]));
}

/** "Asia-Pacific Economic Cooperation", "the Leaders' Retreat": a capitalised word inside a name is no event. */
function insideName(doc: TextDoc, i: number, from: number, to: number): boolean {
  if (!doc.cap[i] || i === from) return false;
  let p = i - 1;
  while (p > from && (doc.value[p] === "'" || doc.value[p] === '’' || doc.value[p] === '-')) p--;
  // (A sentence's first word is capitalised anyway.)
  const capBefore = p > from && doc.cap[p] === 1;
  const capAfter = i + 1 < to && doc.cap[i + 1] === 1;
  return capBefore || capAfter;
}

export function findTriggers(doc: TextDoc, from: number, to: number, lex: EventLexicon, mentions: Mention[], statements: boolean): TriggerMatch[] {
  const mentionAt = new Map<number, Mention>();
  for (const m of mentions) mentionAt.set(m.start, m);
  const found: TriggerMatch[] = [];
  for (let i = from; i < to; i++) {
    const pos = doc.pos[i];
    const table = VERB_POS.has(pos) ? lex.verbs : NOUN_POS.has(pos) ? lex.nouns : null;
    if (!table) continue;
    // "reimposed", "reopened": a verb with the re- prefix is the act again.
    const rules = table.get(doc.lemma[i]) ?? table.get(doc.lower[i]) ??
      // Capitalised plurals the tagger leaves unlemmatised ("Clashes between ...").
      (table === lex.nouns && doc.lemma[i] === doc.lower[i] ? table.get(singular(doc.lower[i])) : undefined) ??
      (table === lex.verbs && doc.lemma[i].length > 6 && doc.lemma[i].startsWith('re') ? table.get(doc.lemma[i].slice(2)) : undefined);
    if (!rules) continue;
    if (table === lex.verbs && isParticipleModifier(doc, i, from, to)) continue;
    if (table === lex.nouns && insideName(doc, i, from, to)) continue;
    for (const rule of rules) {
      const st: State = { end: i + 1, tgt: null, src: null };
      if (matchRest(doc, i + 1, rule.rest, 0, to, mentionAt, st)) {
        // "cooperation agenda", "protest movement", "aid agency": a nominal trigger modifying another noun.
        if (rule.pos === 'noun' && st.end < to && doc.pos[st.end] === 'NOUN' && !table.get(doc.lemma[st.end]) && !FRAME_NOUNS.has(doc.lemma[st.end])) break;
        found.push({ rule, cameo: rule.cameo, note: '', head: i, start: i, end: st.end, tgt: st.tgt, src: st.src });
        break;
      }
    }
  }
  // Statements (CAMEO 01) always take part in matching, so that "denied charges that X committed
  // genocide" or "fight for an America" block the weaker readings inside them; they are emitted only
  // when asked for.
  const kept = select(doc, found, to);
  return statements ? kept : kept.filter((m) => !m.rule.cameo.startsWith('01'));
}

/** Most specific first; a match overlapping a kept one is dropped; wrappers absorb their complement. */
function select(doc: TextDoc, found: TriggerMatch[], to: number): TriggerMatch[] {
  const ordered = [...found].sort((a, b) => b.rule.specificity - a.rule.specificity || (b.end - b.start) - (a.end - a.start) || a.start - b.start);
  const kept: TriggerMatch[] = [];
  for (const m of ordered) {
    if (kept.some((k) => m.start < k.end && k.start < m.end)) continue;
    kept.push(m);
  }
  const absorbed = new Set<TriggerMatch>();
  for (const w of kept) {
    if (!w.rule.absorb) continue;
    const from = w.tgt ? Math.max(w.end, w.tgt.end) : w.end;
    const until = clauseEnd(doc, from, to);
    for (const m of kept) if (m !== w && m.head >= w.end && m.head < until) absorbed.add(m);
  }
  return kept.filter((m) => !absorbed.has(m)).sort((a, b) => a.start - b.start);
}
