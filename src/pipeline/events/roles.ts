/**
 * Clause reading: who is the source and who the target of a trigger.
 * Active voice: subject (nearest actor to the left that is not an object or inside a prepositional
 * phrase) -> object or the actor after the rule's preposition. Passive: "X was attacked by Y" -> Y -> X.
 * Nouns: possessor or nationality adjective ("Russian aggression"), "between A and B", "by X",
 * "with/against/on X", or the subject of a light verb ("X held talks with Y").
 */
import type { TextDoc } from '../text.js';
import { sameActor, type Mention } from '../actors/mentions.js';
import type { TriggerMatch } from './match.js';
import { clauseEnd, SPEECH_VERBS, RELATIVES } from './clause.js';

export interface Roles {
  source: Mention | null;
  target: Mention | null;
  /** "each other" / "one another": every ordered pair of the source's members. */
  reciprocal: boolean;
  /** Rule is reciprocal and the subject compound: first-named -> the others. */
  compoundRecip: boolean;
  how: string;
}

/** Every reading's roles are built here (one object shape for the coder's hot code). */
export function makeRoles(source: Mention | null, target: Mention | null, reciprocal: boolean, compoundRecip: boolean, how: string): Roles {
  return { source, target, reciprocal, compoundRecip, how };
}

const DEFAULT_VERB_TARGET_PREPS = new Set(['with', 'against', 'on', 'upon', 'to', 'toward', 'towards', 'at', 'into', 'for', 'from', 'over']);
const NOUN_TARGET_PREPS = new Set(['with', 'against', 'on', 'upon', 'to', 'toward', 'towards', 'at', 'into', 'for', 'from', 'over']);
/** Inside the complement of an appeal or intent ("ready to send troops to a force in Liberia") places count too. */
const COMPLEMENT_TARGET_PREPS = new Set([...DEFAULT_VERB_TARGET_PREPS, 'in', 'of']);
const COPULA = new Set(['be', 'get']);

function skipBack(doc: TextDoc, k: number, from: number, pos: Set<string>): number {
  while (k >= from && pos.has(doc.pos[k])) k--;
  return k;
}

const ADV = new Set(['ADV', 'PART']);
const ADV_DET = new Set(['ADV', 'PART', 'DET']);
const NP_INSIDE = new Set(['DET', 'ADJ', 'NOUN', 'PROPN', 'NUM', 'PRON', 'PART', 'ADV']);

/** An object of a verb (not a speech verb, whose "object" is the subject of the reported clause). */
const QUANTITY_WORDS = new Set(['up', 'to', 'about', 'some', 'nearly', 'around', 'over', 'almost', 'least', 'at', 'more', 'than']);

function isVerbObject(doc: TextDoc, m: Mention, from: number): boolean {
  let k = skipBack(doc, m.start - 1, from, ADV);
  // "kidnapped up to 16 Russian advisers": skip the quantity before the object.
  while (k >= from && (doc.pos[k] === 'NUM' || QUANTITY_WORDS.has(doc.lower[k]))) k--;
  if (k < from) return false;
  return doc.pos[k] === 'VERB' && !SPEECH_VERBS.has(doc.lemma[k]);
}

export function isPassive(doc: TextDoc, head: number, from: number): boolean {
  if (doc.pos[head] !== 'VERB') return false;
  // "the peace deal brokered by Moscow": a participle after a noun with its agent is passive too.
  if (/(ed|en)$/.test(doc.lower[head]) && head > from && (doc.pos[head - 1] === 'NOUN' || doc.pos[head - 1] === 'PROPN') &&
    head + 1 < doc.n && doc.lower[head + 1] === 'by') return true;
  const k = skipBack(doc, head - 1, from, ADV);
  if (k < from || !COPULA.has(doc.lemma[k])) return false;
  // "is attacking" is progressive, not passive.
  return !doc.lower[head].endsWith('ing');
}

export function subjectOf(doc: TextDoc, at: number, mentions: Mention[], from: number): Mention | null {
  // "X who has phoned Y": a relative pronoun before the verb points to the mention before it.
  const k = skipBack(doc, at - 1, from, new Set(['AUX', 'ADV', 'PART']));
  if (k >= from && RELATIVES.has(doc.lower[k]) && doc.pos[k] === 'PRON') {
    const before = mentions.filter((m) => m.end === k || (m.end === k - 1 && doc.value[k - 1] === ','));
    if (before.length) return before[before.length - 1];
  }
  for (let i = mentions.length - 1; i >= 0; i--) {
    let m = mentions[i];
    if (m.end > at) continue;
    if (m.prep) continue;
    if (isVerbObject(doc, m, from)) continue;
    // "(DPRK)": an abbreviation in brackets repeats the mention before it.
    if (m.start > from && (doc.value[m.start - 1] === '(' || doc.value[m.start - 1] === '[')) continue;
    // "Pakistan, a key U.S. ally, has refused": an appositive stands for the mention before its comma.
    if (i > 0 && m.start - 1 >= from && doc.value[m.start - 1] === ',' && mentions[i - 1].end === m.start - 1 && !mentions[i - 1].prep && commaBetween(doc, m.end, at)) {
      return mentions[i - 1];
    }
    return m;
  }
  return null;
}

/** A target candidate that is not the source again ("its troops" after "Syria ... is willing"). */
function notSource(doc: TextDoc, x: Mention, source: Mention | null): boolean {
  if (!source) return true;
  if (x.members.every((a) => source.members.some((b) => sameActor(a, b)))) return false;
  // "its troops", "the United States' commitment" after a U.S. subject: the source's own, not a target.
  const own = /^(its|their|his|her)$/.test(doc.lower[x.start]) || /^['’]s?$/i.test(doc.value[x.end] ?? '');
  return !(own && x.members.every((a) => source.members.some((b) => b.country === a.country)));
}

/** ", Thai police said", "according to a UN official": the source of the news, not an actor of the event. */
function isAttribution(doc: TextDoc, x: Mention, to: number): boolean {
  if (x.prep === 'to' && x.start >= 2 && doc.lower[x.start - 2] === 'according') return true;
  let k = x.end;
  // (", relief officials in Nairobi said": past a short place phrase.)
  if (k < to && doc.pos[k] === 'ADP') {
    let j = k + 1;
    while (j < to && j <= k + 4 && (doc.pos[j] === 'PROPN' || doc.pos[j] === 'DET' || doc.pos[j] === 'NOUN' || doc.pos[j] === 'ADJ')) j++;
    if (j < to && doc.pos[j] === 'VERB' && SPEECH_VERBS.has(doc.lemma[j])) return true;
  }
  while (k < to && (doc.pos[k] === 'ADV' || doc.pos[k] === 'AUX' || doc.pos[k] === 'PART')) k++;
  return k < to && doc.pos[k] === 'VERB' && SPEECH_VERBS.has(doc.lemma[k]);
}

/** "demanded the withdrawal of Serbian forces": the actor after "of" in the verb's own object noun phrase. */
function ofObject(doc: TextDoc, verbEnd: number, x: Mention): boolean {
  if (x.prep !== 'of') return false;
  for (let k = verbEnd; k < x.start - 1; k++) if (!NP_INSIDE.has(doc.pos[k]) || doc.pos[k] === 'PRON') return false;
  // Only an act named by a noun ("withdrawal of", "release of", "meeting of"), not "control of Hong Kong to China".
  return /(tion|sion|ment|al|ance|ence|ing|ure|ship)$/.test(doc.lower[x.start - 2] ?? '');
}

/** "... after the court cleared him": a mention followed by its own verb is another clause's subject. */
function isClauseSubject(doc: TextDoc, x: Mention, to: number): boolean {
  if (x.prep) return false;
  let k = x.end;
  while (k < to && (doc.pos[k] === 'ADV' || doc.pos[k] === 'AUX' || doc.pos[k] === 'PART')) k++;
  return k < to && doc.pos[k] === 'VERB';
}

/** "their" / "each other's" right after the verb (within its matched words). */
function ownPossessive(doc: TextDoc, from: number, to: number): boolean {
  for (let k = from; k < to && k < doc.n; k++) if (doc.lower[k] === 'their' || doc.lower[k] === 'our') return true;
  return false;
}

/** "pledged to work together", "agreed to jointly ...": the group acts together. */
function together(doc: TextDoc, from: number, until: number): boolean {
  for (let k = from; k < until && k < from + 4; k++) if (doc.lower[k] === 'together' || doc.lower[k] === 'jointly') return true;
  return false;
}

function commaBetween(doc: TextDoc, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (doc.value[k] === ',') return true;
  return false;
}

/** "X phoned Y to congratulate him": an infinitive's subject is the subject of the verb it completes. */
function infinitiveHost(doc: TextDoc, head: number, from: number): number {
  let k = head - 1;
  while (k >= from && doc.pos[k] === 'ADV') k--;
  if (k < from || doc.lower[k] !== 'to' || doc.pos[k] !== 'PART') return -1;
  for (let j = k - 1; j >= from && j >= k - 8; j--) {
    const v = doc.value[j];
    if (v === ',' || v === ';' || v === '.') return -1;
    if (doc.pos[j] === 'VERB') return SPEECH_VERBS.has(doc.lemma[j]) ? -1 : j;
  }
  return -1;
}

function firstAfter(mentions: Mention[], from: number, until: number, ok: (m: Mention) => boolean): Mention | null {
  for (const m of mentions) if (m.start >= from && m.start < until && ok(m)) return m;
  return null;
}

function eachOther(doc: TextDoc, from: number, until: number): boolean {
  for (let k = from; k + 1 < until && k < from + 6; k++) {
    if ((doc.lower[k] === 'each' || doc.lower[k] === 'one') && (doc.lower[k + 1] === 'other' || doc.lower[k + 1] === 'another')) return true;
  }
  return false;
}

/** The verb that governs a nominal trigger ("held talks", "launched an attack"), if the noun is its object. */
function governingVerb(doc: TextDoc, start: number, from: number): number {
  let k = start - 1;
  while (k >= from && ((NP_INSIDE.has(doc.pos[k]) && doc.pos[k] !== 'PRON') || doc.value[k] === '-')) k--;
  if (k >= from && doc.pos[k] === 'PRON' && /^(his|her|its|their|our)$/.test(doc.lower[k])) k--;
  if (k >= from && (doc.pos[k] === 'VERB' || (doc.pos[k] === 'AUX' && doc.lemma[k] === 'have'))) return k;
  return -1;
}

/** "relations based on the principles of ...": a participle right after a noun describes the noun. */
function reducedRelative(doc: TextDoc, v: number, from: number): boolean {
  return v > from && /(ed|en|ing)$/.test(doc.lower[v]) && doc.pos[v - 1] === 'NOUN' && !doc.cap[v - 1];
}

/** The nearest verb before token i in the same clause, or -1. */
function clauseVerb(doc: TextDoc, i: number, from: number): number {
  for (let k = i - 1; k >= from; k--) {
    const v = doc.value[k];
    if (v === ',' || v === ';' || v === ':' || (RELATIVES.has(doc.lower[k]) && doc.pos[k] === 'PRON')) return -1;
    if (doc.pos[k] === 'VERB') return SPEECH_VERBS.has(doc.lemma[k]) ? -1 : k;
    // "X is responsible for mass killings": a copula with a predicate adjective.
    if (doc.pos[k] === 'AUX' && doc.lemma[k] === 'be' && k + 1 < i && doc.pos[k + 1] === 'ADJ') return k;
  }
  return -1;
}

export function readRoles(doc: TextDoc, m: TriggerMatch, mentions: Mention[], from: number, to: number,
  modifier: (k: number) => Mention | null, isTrigger: (k: number) => boolean = () => false): Roles {
  const rule = m.rule;
  const until = clauseEnd(doc, m.end, to);
  const reciprocal = eachOther(doc, m.end, until);
  let source: Mention | null = m.src;
  let target: Mention | null = m.tgt;
  let how = '';
  // "Norway is willing to send", "Iran is ready to": a predicate adjective reads like a verb.
  // ("Chirac was also an outspoken opponent of": a predicate noun phrase after the copula too.)
  const predicate = rule.pos === 'noun' && COPULA.has(doc.lemma[skipBack(doc, m.head - 1, from, ADV_DET)] ?? '');
  // "because of fighting between A and B", "the shelling of": a gerund after a preposition or article is a noun.
  // (With a direct object it stays a verb: "accused of raping a tourist".)
  const gerund = rule.pos === 'verb' && doc.lower[m.head].endsWith('ing') && m.head > from && (doc.pos[m.head - 1] === 'ADP' || doc.pos[m.head - 1] === 'DET') &&
    m.end < to && doc.pos[m.end] === 'ADP';
  if ((rule.pos === 'verb' && !gerund) || predicate) {
    const passive = !rule.passive && !predicate && isPassive(doc, m.head, from);
    if (passive) {
      // The agent of a passive may come after other phrases: "was accused of misusing funds ... by officials".
      source ??= firstAfter(mentions, m.end, to, (x) => x.prep === 'by' && !isAttribution(doc, x, to));
      target ??= subjectOf(doc, m.start, mentions, from);
      how = 'passive';
    } else if (rule.inverse) {
      source ??= firstAfter(mentions, m.head + 1, until, (x) => x.prep === 'from' || x.prep === 'by');
      target ??= subjectOf(doc, m.start, mentions, from);
      how = 'inverse';
    } else {
      const host = infinitiveHost(doc, m.head, from);
      source ??= host >= 0 && !isPassive(doc, host, from) ? subjectOf(doc, host, mentions, from) : subjectOf(doc, m.start, mentions, from);
      if (!target && !rule.notgt && !reciprocal) {
        if (rule.tgtPreps) {
          const preps = rule.tgtPreps;
          target = firstAfter(mentions, m.end, until, (x) => !!x.prep && preps.includes(x.prep));
        } else {
          const ok = (x: Mention) => notSource(doc, x, source);
          // Mentions inside the matched words count ("rejected North Korea's demand", "agreed to US mediation").
          target = firstAfter(mentions, m.head + 1, until, (x) => (!x.prep || DEFAULT_VERB_TARGET_PREPS.has(x.prep) || ofObject(doc, m.end, x)) && ok(x));
          if (!target && rule.absorb) target = firstAfter(mentions, m.head + 1, until, (x) => !!x.prep && COMPLEMENT_TARGET_PREPS.has(x.prep) && ok(x));
        }
      }
      how = 'active';
    }
  } else {
    // "clashes between A and B": A -> B. But a mediation "between A and B" (rule tgt=between) is the
    // mediator's act towards both.
    const between = rule.tgtPreps?.includes('between') ? null : firstAfter(mentions, m.end, until, (x) => x.prep === 'between' && x.members.length > 1);
    if (between && !source && !target) {
      source = { ...between, members: [between.members[0]] };
      target = { ...between, members: between.members.slice(1) };
      how = 'between';
    } else {
      source ??= modifier(m.start) ?? firstAfter(mentions, m.end, until, (x) => x.prep === 'by');
      if (!source) {
        const v = governingVerb(doc, m.start, from);
        if (v >= 0) source = isPassive(doc, v, from) ? firstAfter(mentions, m.end, until, (x) => x.prep === 'by') : subjectOf(doc, v, mentions, from);
        how = v >= 0 ? 'light-verb' : 'noun';
        if (!source && v < 0) {
          // "X wounded two soldiers in a bomb attack": a nominal trigger in a prepositional phrase belongs
          // to its clause's subject, unless the clause's verb is itself an event ("condemned the attack").
          const cv = clauseVerb(doc, m.start, from);
          if (cv >= 0 && !isTrigger(cv) && !isPassive(doc, cv, from) && !reducedRelative(doc, cv, from)) { source = subjectOf(doc, cv, mentions, from); how = 'clause-subject'; }
        }
      } else how = 'noun-modifier';
      if (!target && !rule.notgt && !reciprocal) {
        const preps = rule.tgtPreps;
        target = firstAfter(mentions, m.end, until, (x) => !!x.prep && (preps ? preps.includes(x.prep) : NOUN_TARGET_PREPS.has(x.prep)));
      }
    }
  }
  // No target in the clause: the next actor later in the sentence, unless it only reports the news
  // (", police said") or is the agent of a passive.
  if (source && !target && !rule.notgt && !reciprocal && !(rule.recip && source.members.length > 1)) {
    target = firstAfter(mentions, m.head + 1, to, (x) => x.prep !== 'by' && notSource(doc, x, source) && !isAttribution(doc, x, to) && !isClauseSubject(doc, x, to));
    if (target) how += '+later';
  }
  // "The leaders reiterated their commitment to ...": a group's own commitment is mutual, between its members.
  if (source && source.members.length > 1 && !m.tgt && !reciprocal && rule.pos === 'verb' && (ownPossessive(doc, m.head + 1, m.end + 1) || together(doc, m.end, until))) {
    return makeRoles(source, null, false, true, how + '+mutual');
  }
  // "A and B discussed relations with the EU": with a compound subject a reciprocal act is between them.
  if (rule.recip && source && source.members.length > 1 && !m.tgt && !reciprocal) target = null;
  const compoundRecip = rule.recip && !target && !!source && source.members.length > 1;
  return makeRoles(source, target, reciprocal, compoundRecip, how);
}
