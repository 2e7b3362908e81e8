/** Clause boundaries and small word classes used when reading a clause around a trigger. */
import type { TextDoc } from '../text.js';

const HARD_STOP = new Set(['.', ';', ':', '?', '!', '(', ')', '[', ']', '“', '”', '"']);
export const SPEECH_VERBS = new Set(['say', 'tell', 'announce', 'claim', 'report', 'state', 'add', 'note', 'believe', 'think',
  'insist', 'reiterate', 'confirm', 'stress', 'emphasize', 'emphasise', 'underline', 'explain', 'know', 'assert', 'declare', 'suggest',
  'argue', 'allege', 'admit', 'acknowledge', 'indicate', 'reveal', 'show', 'fear', 'hope', 'expect', 'understand', 'learn', 'hear', 'see',
  'write', 'tweet', 'quote', 'cite', 'point', 'recall', 'maintain', 'contend', 'estimate', 'predict', 'warn', 'mean', 'feel', 'worry', 'realize', 'realise', 'agree', 'deny']);
export const RELATIVES = new Set(['who', 'which', 'that', 'whom']);

/** Index of the last token of the clause that contains token i (exclusive end). */
export function clauseEnd(doc: TextDoc, i: number, limit: number): number {
  for (let k = i; k < limit; k++) {
    const v = doc.value[k];
    if (HARD_STOP.has(v)) return k;
    if (k > i && v === ',') return k;
    if (k > i && (doc.lower[k] === 'and' || doc.lower[k] === 'but') && k + 1 < limit && isVerbal(doc, k + 1)) return k;
    if (k > i && SUBORDINATORS.has(doc.lower[k]) && (doc.pos[k] === 'SCONJ' || doc.pos[k] === 'ADP') && k + 2 < limit && startsClause(doc, k + 1, limit)) return k;
    if (k > i && (doc.lower[k] === 'while' || doc.lower[k] === 'whereas' || doc.lower[k] === 'although' || doc.lower[k] === 'because')) return k;
    if (k > i && RELATIVES.has(doc.lower[k]) && doc.pos[k] === 'PRON') return k;
  }
  return limit;
}

const SUBORDINATORS = new Set(['after', 'before', 'when', 'since', 'until', 'once', 'as', 'unless', 'if']);

/** "after the court cleared him": a subordinator followed by a subject and its verb opens a clause. */
function startsClause(doc: TextDoc, k: number, limit: number): boolean {
  for (let j = k; j < limit && j < k + 6; j++) {
    if (doc.pos[j] === 'VERB' || doc.pos[j] === 'AUX') return j > k;
    if (doc.value[j] === ',' || doc.pos[j] === 'ADP') return false;
  }
  return false;
}

/** Index of the first token of the clause that contains token i. */
export function clauseStart(doc: TextDoc, i: number, from: number): number {
  for (let k = i - 1; k >= from; k--) {
    const v = doc.value[k];
    if (HARD_STOP.has(v) || v === ',') return k + 1;
    if ((doc.lower[k] === 'that' || doc.lower[k] === 'if' || doc.lower[k] === 'whether' || doc.lower[k] === 'because') && doc.pos[k] === 'SCONJ') return k + 1;
    if (doc.pos[k] === 'VERB' && SPEECH_VERBS.has(doc.lemma[k])) return k + 1;
  }
  return from;
}

export function isVerbal(doc: TextDoc, k: number): boolean {
  const p = doc.pos[k];
  if (p === 'VERB' || p === 'AUX') return true;
  // "and also called": an adverb before a verb.
  return p === 'ADV' && k + 1 < doc.n && (doc.pos[k + 1] === 'VERB' || doc.pos[k + 1] === 'AUX');
}
