/**
 * The pipeline: Article -> text -> actors -> triggers -> roles -> event records.
 * No I/O beyond loading the lexicons once; the same coder runs in the CLI, workers and the eval.
 */
import type { Article, ActorRef, CodedEvent } from './types.js';
import type { Coder, CoderOptions } from './coder-api.js';
import { analyse, type TextDoc } from './text.js';
import { loadCameo, type CameoTable } from '../ontology/cameo.js';
import { loadEventLexicon, type EventLexicon, type EventRule } from '../lexicon/events.js';
import { loadActorLexicon } from '../lexicon/actors.js';
import { DEFAULT_DATA_DIR } from '../lexicon/tsv.js';
import { Gazetteer } from './actors/gazetteer.js';
import { MentionFinder, newContext, homeCountry, makeActor, sameActor, type Mention } from './actors/mentions.js';
import { findTriggers, type TriggerMatch } from './events/match.js';
import type { Roles } from './events/roles.js';
import { isNegated, isHypothetical, modalityOf } from './events/modality.js';
import { loadModality, type ModalityTable } from '../lexicon/modality.js';
import { readRoles, subjectOf } from './events/roles.js';
import { clauseStart, SPEECH_VERBS } from './events/clause.js';
import { datelineEnd } from './dateline.js';
import { refineManner } from './events/manner.js';

export type { Coder, CoderOptions } from './coder-api.js';

/** Splits a lexicon phrase into tokens the way the text stage splits documents (surface forms). */
function tokenizePhrase(phrase: string): string[] {
  // Plain words split on spaces exactly as wink splits them; only phrases with punctuation need wink
  // (this keeps start-up short: most of the ~5,000 lexicon phrases are plain words).
  if (/^[\p{L}]+( [\p{L}]+)*$/u.test(phrase) && !/n't|cannot/i.test(phrase)) return phrase.split(' ');
  return analyse(phrase).value;
}

export interface Resources {
  cameo: CameoTable;
  events: EventLexicon;
  gazetteer: Gazetteer;
  modality: ModalityTable;
}

export function loadResources(dataDir = DEFAULT_DATA_DIR): Resources {
  const cameo = loadCameo(dataDir);
  const events = loadEventLexicon(cameo, dataDir);
  const gazetteer = new Gazetteer(loadActorLexicon(dataDir), tokenizePhrase);
  return { cameo, events, gazetteer, modality: loadModality(cameo, dataDir) };
}

export function createCoder(opts: CoderOptions = {}, res: Resources = loadResources(opts.dataDir)): Coder {
  const finder = new MentionFinder(res.gazetteer);
  return {
    code(article: Article): CodedEvent[] {
      return codeArticle(article, res, finder, opts);
    },
  };
}

function published(a: Article): string | null {
  return a.published && /^\d{4}-\d{2}-\d{2}/.test(a.published) ? a.published.slice(0, 10) : null;
}

function codeArticle(article: Article, res: Resources, finder: MentionFinder, opts: CoderOptions): CodedEvent[] {
  const doc = analyse(article.text);
  const skip = datelineEnd(doc);
  const atoms = finder.docAtoms(doc);
  const ctx = newContext(published(article), homeCountry(doc, atoms, skip));
  const out: CodedEvent[] = [];
  let lastViolent: { mention: Mention; sent: number } | null = null;
  for (let s = 0; s < doc.sentStart.length; s++) {
    const from = doc.sentStart[s];
    const to = doc.sentEnd[s];
    if (to <= skip) continue;
    const mentions = finder.sentence(doc, s, ctx, skip, atoms);
    // Statements are matched always (they block weaker readings and are clause verbs of their own),
    // and emitted only when asked for.
    const all = refineManner(doc, findTriggers(doc, Math.max(from, skip), to, res.events, mentions, true), to);
    const modifier = (k: number) => modifierActor(doc, k, Math.max(from, skip), mentions, res.gazetteer);
    all.push(...unmatchedDemands(doc, Math.max(from, skip), to, mentions, all));
    const heads = new Set(all.map((t) => t.head));
    const isTrigger = (k: number) => heads.has(k);
    const triggers = opts.statements ? all : all.filter((t) => !t.cameo.startsWith('01'));
    const f = Math.max(from, skip);
    for (const t of triggers) {
      let roles = readRoles(doc, t, mentions, f, to, modifier, isTrigger);
      // "The attack killed nine policemen": a definite attack noun as subject is the attack just reported.
      if (!roles.source && lastViolent && s - lastViolent.sent <= 3 && VIOLENT.test(t.cameo) && violentSubject(doc, t.head, f, res.events)) {
        roles = { ...roles, source: { ...lastViolent.mention, start: -1, end: -1 }, how: roles.how + '+event-anaphor' };
      }
      // "troops were killed in clashes with Azerbaijani forces": the other side of the fighting.
      if (!roles.source && roles.how === 'passive' && VIOLENT.test(t.cameo)) {
        const foe = mentions.find((x) => x.start > t.end && (x.prep === 'with' || x.prep === 'against') && violentNounBefore(doc, x.start - 2, f, res.events));
        if (foe) roles = { ...roles, source: foe, how: 'passive+fighting-with' };
      }
      const reading = readModality(doc, t, roles, mentions, f, to, res);
      roles = reading.roles;
      for (const [src, tgt0] of pairs(roles)) {
        // No actor at all ("bilateral cooperation", "the talks"): nothing an analyst can use.
        if (!src && !tgt0) continue;
        // A domestic act with no one named on the receiving end ("police imposed a curfew", "the
        // ministers met"): its recipient is the country the story is about.
        const homeTarget = !tgt0 && src && ctx.home && src.country === ctx.home && !t.rule.notgt && !roles.reciprocal;
        const tgt = homeTarget ? makeActor(ctx.home!, ctx.home, null, null) : tgt0;
        // Likewise "a man was arrested" in a story about one country: an unnamed domestic agent.
        const homeSource = !src && tgt && ctx.home && tgt.country === ctx.home;
        const source = homeSource ? makeActor(ctx.home!, ctx.home, null, null) : src;
        const how = roles.how + (homeTarget ? '+home' : '') + (homeSource ? '+home-source' : '');
        // PLOVER 2.0 requires a recipient for these types: without one the reading is incomplete.
        const type = res.cameo.get(reading.cameo)!.plover;
        if (!tgt && type && NEEDS_RECIPIENT.has(type)) continue;
        out.push(record(article, doc, s, t, source, tgt, { ...roles, how }, res, reading, f));
        if (roles.source && src && VIOLENT.test(reading.cameo)) lastViolent = { mention: roles.source, sent: s };
      }
    }
    ctx.history.push(...mentions);
  }
  return out;
}

const VIOLENT = /^(18|19|20)/;
/** PLOVER 2.0 event types whose manual entry says "Requires recipient: Yes". */
const NEEDS_RECIPIENT = new Set(['COOPERATE', 'AID', 'SANCTION']);

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

/** "Russian aggression", "Iran's attack": an actor written right before a nominal trigger. */
function modifierActor(doc: TextDoc, k: number, from: number, mentions: Mention[], gaz: Gazetteer): Mention | null {
  let j = k - 1;
  if (j >= from && (doc.value[j] === "'s" || doc.value[j] === '’s' || doc.value[j] === "'" || doc.value[j] === '’')) {
    const owner = mentions.find((m) => m.end === j);
    return owner ?? null;
  }
  // Skip other modifiers ("Azerbaijani military offensive"); "Russian-brokered ceasefire", "US-backed
  // offensive": the country brokered or backed the act, it is not its actor.
  for (let back = 0; back < 3 && j >= from; back++, j--) {
    if (doc.value[j] === '-') return null;
    for (let st = Math.max(from, j - 3); st <= j; st++) {
      const a = gaz.matchAt(doc, st, j + 1, (e) => e.kind === 'adj' || e.kind === 'country' || e.kind === 'igo' || e.kind === 'capital');
      if (a && a.end === j + 1) {
        const e = a.entry;
        const text = doc.text.slice(doc.start[a.start], doc.end[a.end - 1]);
        return { start: a.start, end: a.end, sent: -1, members: [makeActor(text, e.country, e.kind === 'capital' ? 'GOV' : null, null, e.kind === 'igo' ? e.code : null)], kind: 'country', anaphor: false, prep: null, roles: [] };
      }
    }
    if (!(doc.pos[j] === 'ADJ' || doc.pos[j] === 'NOUN')) break;
  }
  return null;
}

/** Source x target pairs of one trigger: compound actors give one event per actor. */
function pairs(r: Roles): [ActorRef | null, ActorRef | null][] {
  const srcs: (ActorRef | null)[] = r.source ? r.source.members : [null];
  if (r.reciprocal && r.source && r.source.members.length > 1) {
    const out: [ActorRef, ActorRef][] = [];
    for (const a of r.source.members) for (const b of r.source.members) if (a !== b && !sameActor(a, b)) out.push([a, b]);
    return out;
  }
  // "The leaders reiterated their commitment to both countries' ...": a group acting on itself is a
  // mutual act between its members, first-named -> the others.
  const selfGroup = r.source && r.target && r.source.members.length > 1 && r.target.anaphor &&
    r.target.members.every((b) => r.source!.members.some((a) => a.country === b.country));
  if ((r.compoundRecip || selfGroup) && r.source) {
    const [first, ...rest] = r.source.members;
    return rest.filter((b) => !sameActor(first, b)).map((b) => [first, b]);
  }
  const tgts: (ActorRef | null)[] = r.target ? r.target.members : [null];
  const out: [ActorRef | null, ActorRef | null][] = [];
  for (const a of srcs) {
    // An actor acting on itself (a misread pronoun, a compound with itself) keeps the act, without the target.
    // ... and in "the U.S.-Japan Alliance" after a U.S. subject, only Japan is on the other side.
    const others = tgts.filter((b) => !(a && b && (a === b || sameActor(a, b) || (tgts.length > 1 && a.country !== null && b.country === a.country && b.sector === null))));
    if (others.length === 0) out.push([a, null]);
    for (const b of others) out.push([a, b]);
  }
  return out;
}

const DEMAND_RULE: EventRule = {
  cameo: '100', head: [], rest: [], pos: 'verb', tgtPreps: null, notgt: false, recip: false, absorb: false, passive: false, inverse: false,
  specificity: 0, id: 'modality.tsv obligation (X said Y must <act>)', order: -1, plover: null,
};
const MUST = new Set(['must', 'should']);
const DEMAND_NOUNS = new Set(['reminder', 'warning', 'statement', 'declaration', 'demand', 'message', 'insistence', 'call']);

/**
 * "Russia said that Sudan must return the helicopter", when the act itself matched no lexicon entry:
 * still X's demand to Y (CAMEO 10). Acts that did match are turned into demands by modality.tsv.
 */
function isReporting(doc: TextDoc, v: number): boolean {
  return (doc.pos[v] === 'VERB' && SPEECH_VERBS.has(doc.lemma[v])) || DEMAND_NOUNS.has(doc.lemma[v]);
}

function unmatchedDemands(doc: TextDoc, from: number, to: number, mentions: Mention[], triggers: TriggerMatch[]): TriggerMatch[] {
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

interface Reading {
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
function readModality(doc: TextDoc, t: TriggerMatch, roles: Roles, mentions: Mention[], from: number, to: number, res: Resources): Reading {
  const negated = isNegated(doc, t.head, from);
  const hypothetical = isHypothetical(doc, t.head, t.rule.pos === 'noun', from, to);
  const plain: Reading = { cameo: t.cameo, roles, negated, hypothetical, note: t.note };
  if (negated) {
    // Saying no to cooperation is an event of its own: a rejection.
    const cameo = res.modality.transform('refusal', t.cameo);
    return cameo ? { cameo, roles, negated: false, hypothetical: false, note: 'negated->refusal' } : plain;
  }
  if (!hypothetical) return plain;
  const kind = modalityOf(doc, t.head, from);
  if (kind !== 'future' && kind !== 'obligation') return plain;
  const cameo = res.modality.transform(kind, t.cameo);
  if (!cameo) return plain;
  if (kind === 'future') return { cameo, roles, negated, hypothetical: false, note: 'future->intent' };
  // Obligation: the speaker of the reported clause demands; the clause's subject is asked.
  const start = clauseStart(doc, t.head, from);
  let v = start - 1;
  if (v >= from && doc.lower[v] === 'that') v--;
  if (v < from || doc.pos[v] !== 'VERB' || !SPEECH_VERBS.has(doc.lemma[v])) return plain;
  const speaker = subjectOf(doc, v, mentions, from);
  if (!speaker) return plain;
  return { cameo, roles: { ...roles, source: speaker, target: roles.source, reciprocal: false, compoundRecip: false }, negated, hypothetical: false, note: 'obligation->demand' };
}

function record(article: Article, doc: TextDoc, s: number, t: TriggerMatch, source: ActorRef | null, target: ActorRef | null,
  roles: Roles, res: Resources, reading: Reading, from: number): CodedEvent {
  const code = res.cameo.get(reading.cameo)!;
  const start = doc.start[t.start];
  const end = doc.end[t.end - 1];
  const sStart = doc.start[doc.sentStart[s]];
  const sEnd = doc.end[doc.sentEnd[s] - 1];
  return {
    article_id: article.id,
    sentence: s,
    sentence_text: doc.text.slice(sStart, sEnd),
    trigger: { text: doc.text.slice(start, end), start, end },
    rule: `${t.rule.id} [${roles.how}${reading.note ? ', ' + reading.note : ''}]`,
    source, target,
    cameo: code.code,
    cameo_root: code.root,
    quad_class: code.quadClass,
    goldstein: code.goldstein,
    // A lexicon entry may name the PLOVER type itself when the words say more than the CAMEO code
    // (kept only while the code is the rule's own, not one a modality turned it into).
    plover: t.rule.plover && reading.cameo === t.rule.cameo
      ? { event: t.rule.plover.event, mode: t.rule.plover.mode, context: code.ploverContext }
      : { event: code.plover, mode: code.ploverMode, context: code.ploverContext },
    date: null,
    date_precision: null,
    historical: null,
    negated: reading.negated,
    hypothetical: reading.hypothetical,
    location: null,
    killed: null,
    wounded: null,
  };
}
