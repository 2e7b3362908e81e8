/**
 * Readings of how an act is reported: negation, and the modal readings of data/lexicon/modality.tsv.
 * An announced future act is an intent or a threat ("will give aid" -> 033, "will attack" -> 138);
 * "Y must hand over the suspects", said by X, is X's demand to Y (10), also when the act itself
 * matched no lexicon entry; refused cooperation is a rejection (12).
 */
import type { TextDoc } from '../text.js';
import type { EventRule } from '../../lexicon/events.js';
import type { ModalityTable } from '../../lexicon/modality.js';
import type { Mention } from '../actors/mentions.js';
import type { TriggerMatch } from './match.js';
import { makeRoles, subjectOf, type Roles } from './roles.js';
import { clauseStart, SPEECH_VERBS } from './clause.js';
import { isNegated, isHypothetical, modalityOf } from './modality.js';

const DEMAND_RULE: EventRule = {
  cameo: '100', head: [], rest: [], pos: 'verb', tgtPreps: null, notgt: false, recip: false, absorb: false, passive: false, inverse: false,
  specificity: 0, id: 'modality.tsv obligation (X said Y must <act>)', order: -1, plover: null,
};
const MUST = new Set(['must', 'should']);
const DEMAND_NOUNS = new Set(['reminder', 'warning', 'statement', 'declaration', 'demand', 'message', 'insistence', 'call']);

/** A reporting verb ("said", "declared") or noun ("a reminder that", "a statement that"). */
function isReporting(doc: TextDoc, v: number): boolean {
  return (doc.pos[v] === 'VERB' && SPEECH_VERBS.has(doc.lemma[v])) || DEMAND_NOUNS.has(doc.lemma[v]);
}

/**
 * "Russia said that Sudan must return the helicopter", when the act itself matched no lexicon entry:
 * still X's demand to Y (CAMEO 10). Acts that did match are turned into demands by modality.tsv.
 */
export function unmatchedDemands(doc: TextDoc, from: number, to: number, mentions: Mention[], triggers: TriggerMatch[]): TriggerMatch[] {
  const out: TriggerMatch[] = [];
  for (let k = from + 2; k < to; k++) {
    if (!MUST.has(doc.lower[k]) || doc.pos[k] !== 'AUX') continue;
    const asked = mentions.find((m) => m.end === k || (m.end === k - 1 && doc.pos[k - 1] === 'ADV'));
    if (!asked) continue;
    // The reporting verb (or noun) before "(that) Y must", past a time phrase ("said on Tuesday that").
    let v = asked.start - 1;
    if (v >= from && doc.lower[v] === 'that') v--;
    while (v >= from && v >= asked.start - 6 && !isReporting(doc, v) && doc.value[v] !== ',' && doc.pos[v] !== 'VERB') v--;
    if (v < from || !isReporting(doc, v)) continue;
    let act = k + 1;
    while (act < to && (doc.pos[act] === 'ADV' || doc.lemma[act] === 'be')) act++;
    if (act >= to || (doc.pos[act] !== 'VERB' && doc.pos[act] !== 'ADJ') || SPEECH_VERBS.has(doc.lemma[act])) continue;
    if (triggers.some((t) => t.head >= k && t.head <= act + 6)) continue;
    const speaker = subjectOf(doc, v, mentions, from);
    if (!speaker) continue;
    out.push({ rule: DEMAND_RULE, cameo: '100', note: '', head: k, start: k, end: act + 1, tgt: asked, src: speaker });
  }
  return out;
}

export interface Reading {
  cameo: string;
  roles: Roles;
  negated: boolean;
  hypothetical: boolean;
  /** How the modality changed the event, for the rule trace ("future->intent"). */
  note: string;
}

/**
 * Negation and modality. An announced future act is an intent or a threat ("will give aid" -> 033,
 * "will attack" -> 138); "Y must hand over the suspects", said by X, is X's demand to Y (10).
 * Both are events that happened (the announcement), so they are not hypothetical.
 */
export function readModality(doc: TextDoc, t: TriggerMatch, roles: Roles, mentions: Mention[], from: number, to: number, modality: ModalityTable): Reading {
  const negated = isNegated(doc, t.head, from);
  const hypothetical = isHypothetical(doc, t.head, t.rule.pos === 'noun', from, to);
  const plain: Reading = { cameo: t.cameo, roles, negated, hypothetical, note: t.note };
  if (negated) {
    // Saying no to cooperation is an event of its own: a rejection.
    const cameo = modality.transform('refusal', t.cameo);
    return cameo ? { cameo, roles, negated: false, hypothetical: false, note: 'negated->refusal' } : plain;
  }
  if (!hypothetical) return plain;
  const kind = modalityOf(doc, t.head, from);
  if (kind !== 'future' && kind !== 'obligation') return plain;
  const cameo = modality.transform(kind, t.cameo);
  if (!cameo) return plain;
  if (kind === 'future') return { cameo, roles, negated, hypothetical: false, note: 'future->intent' };
  // Obligation: the speaker of the reported clause demands; the clause's subject is asked.
  const start = clauseStart(doc, t.head, from);
  let v = start - 1;
  if (v >= from && doc.lower[v] === 'that') v--;
  if (v < from || doc.pos[v] !== 'VERB' || !SPEECH_VERBS.has(doc.lemma[v])) return plain;
  const speaker = subjectOf(doc, v, mentions, from);
  if (!speaker) return plain;
  return { cameo, roles: makeRoles(speaker, roles.source, false, false, roles.how), negated, hypothetical: false, note: 'obligation->demand' };
}

