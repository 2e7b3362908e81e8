/**
 * Discourse: what the text around a violent act says about who did it. "The attack killed nine
 * policemen" takes the attacker of the attack just reported; "troops were killed in clashes with
 * Azerbaijani forces" takes the other side of the fighting as the attacker of the passive.
 */
import type { TextDoc } from '../text.js';
import type { EventLexicon } from '../../lexicon/events.js';
import { makeMention, type Mention } from '../actors/mentions.js';
import type { TriggerMatch } from './match.js';
import { makeRoles, type Roles } from './roles.js';

export const VIOLENT = /^(18|19|20)/;

/** The last violent act with a known attacker, and its sentence. */
export interface LastViolent {
  mention: Mention;
  sent: number;
}


/** Whether token k (going left over modifiers) is a violent-act noun ("clashes", "fighting"). */
function violentNounBefore(doc: TextDoc, k: number, from: number, lex: EventLexicon): boolean {
  for (let j = k; j >= from && j >= k - 2; j--) {
    const rules = lex.nouns.get(doc.lemma[j]) ?? lex.verbs.get(doc.lemma[j]);
    if (rules?.some((r) => VIOLENT.test(r.cameo))) return true;
  }
  return false;
}

/** Whether the verb's subject is a definite violent-act noun ("the attack", "this bombing"). */
function violentSubject(doc: TextDoc, head: number, from: number, lex: EventLexicon): boolean {
  for (let k = head - 1; k > from && k >= head - 5; k--) {
    if (doc.pos[k] !== 'NOUN' && doc.pos[k] !== 'PROPN') continue;
    const rules = lex.nouns.get(doc.lemma[k]);
    if (!rules?.some((r) => VIOLENT.test(r.cameo))) continue;
    for (let d = k - 1; d >= from && d >= k - 3; d--) if (/^(the|this|that)$/.test(doc.lower[d])) return true;
  }
  return false;
}

/** Fills a missing attacker of a violent act from the discourse, marking how in `roles.how`. */
export function discourseSource(doc: TextDoc, t: TriggerMatch, roles: Roles, mentions: Mention[], s: number, from: number,
  last: LastViolent | null, lex: EventLexicon): Roles {
  if (roles.source || !VIOLENT.test(t.cameo)) return roles;
  if (last && s - last.sent <= 3 && violentSubject(doc, t.head, from, lex)) {
    const m = last.mention;
    return makeRoles(makeMention(-1, -1, m.sent, m.members, m.kind, m.anaphor, m.prep, m.roles), roles.target, roles.reciprocal, roles.compoundRecip, roles.how + '+event-anaphor');
  }
  if (roles.how === 'passive') {
    const foe = mentions.find((x) => x.start > t.end && (x.prep === 'with' || x.prep === 'against') && violentNounBefore(doc, x.start - 2, from, lex));
    if (foe) return makeRoles(foe, roles.target, roles.reciprocal, roles.compoundRecip, 'passive+fighting-with');
  }
  return roles;
}
