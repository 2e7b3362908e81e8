/** Negation and hypothetical (future, conditional, intended) readings of a trigger. */
import type { TextDoc } from '../text.js';
import { clauseStart } from './clause.js';

const NEGATORS = new Set(['not', "n't", 'never', 'no', 'neither', 'nor', 'without']);
const MODALS = new Set(['will', 'would', 'could', 'should', 'may', 'might', 'shall', 'must', "'ll", 'can', 'ca']);
const CONDITIONALS = new Set(['if', 'unless', 'whether']);
const INTENT_BEFORE_TO = new Set(['plan', 'intend', 'want', 'hope', 'seek', 'expect', 'aim', 'try', 'attempt', 'prepare', 'wish',
  'propose', 'consider', 'need', 'likely', 'able', 'ready', 'willing', 'set', 'due', 'going', 'about', 'poised', 'threaten', 'vow', 'pledge', 'promise']);

export function isNegated(doc: TextDoc, head: number, from: number): boolean {
  const start = clauseStart(doc, head, from);
  for (let k = head - 1; k >= start && k >= head - 4; k--) if (NEGATORS.has(doc.lower[k]) || NEGATORS.has(doc.lemma[k])) return true;
  return false;
}

export function isHypothetical(doc: TextDoc, head: number, isNoun: boolean, from: number, to: number): boolean {
  const start = clauseStart(doc, head, from);
  for (let k = start; k < head; k++) {
    const w = doc.lower[k];
    if ((MODALS.has(w) && (doc.pos[k] === 'AUX' || doc.pos[k] === 'VERB')) || CONDITIONALS.has(w)) return true;
    if (w === 'to' && k + 1 <= head && k > start && INTENT_BEFORE_TO.has(doc.lemma[k - 1])) return true;
  }
  if (head > start && doc.lower[head - 1] === 'to' && head - 2 >= start && INTENT_BEFORE_TO.has(doc.lemma[head - 2])) return true;
  if (isNoun) {
    // "the visits will happen soon": a modal right after a nominal trigger.
    for (let k = head + 1; k < to && k <= head + 3; k++) if (MODALS.has(doc.lower[k]) && doc.pos[k] === 'AUX') return true;
  }
  return false;
}

export type Modality = 'future' | 'obligation' | 'conditional' | 'possible' | null;

const FUTURE = new Set(['will', "'ll", 'would', 'shall', 'wo']);
const OBLIGATION = new Set(['must', 'should']);
const POSSIBLE = new Set(['could', 'may', 'might', 'can', 'ca']);
// (Not "decide": a decision taken is the act itself, as CAMEO codes it.)
const FUTURE_BEFORE_TO = new Set(['plan', 'intend', 'prepare', 'going', 'set', 'due', 'agree', 'vow', 'pledge', 'promise', 'ready', 'willing', 'poised']);
const OBLIGATION_BEFORE_TO = new Set(['have', 'need', 'ought']);

/** Why a clause is not a plain assertion: future/intent, obligation, condition, possibility; null if asserted. */
export function modalityOf(doc: TextDoc, head: number, from: number): Modality {
  const start = clauseStart(doc, head, from);
  let found: Modality = null;
  for (let k = start; k < head; k++) {
    const w = doc.lower[k];
    if (CONDITIONALS.has(w)) return 'conditional';
    if (doc.pos[k] !== 'AUX' && doc.pos[k] !== 'VERB' && doc.pos[k] !== 'PART' && doc.pos[k] !== 'ADJ') continue;
    if (FUTURE.has(w)) found = 'future';
    else if (OBLIGATION.has(w)) found = 'obligation';
    else if (POSSIBLE.has(w)) found ??= 'possible';
    else if (w === 'to' && k > start) {
      const before = doc.lemma[k - 1];
      if (FUTURE_BEFORE_TO.has(before)) found = 'future';
      else if (OBLIGATION_BEFORE_TO.has(before)) found = 'obligation';
    }
  }
  return found;
}
