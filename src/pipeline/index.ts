/**
 * The pipeline: Article -> text -> actors -> triggers -> roles -> event records.
 * No I/O beyond loading the lexicons once; the same coder runs in the CLI, workers and the eval.
 */
import type { Article, ActorRef, CodedEvent } from './types.js';
import type { Coder, CoderOptions } from './coder-api.js';
import { analyse, type TextDoc } from './text.js';
import { loadCameo, type CameoTable } from '../ontology/cameo.js';
import { loadEventLexicon, type EventLexicon } from '../lexicon/events.js';
import { loadActorLexicon } from '../lexicon/actors.js';
import { DEFAULT_DATA_DIR } from '../lexicon/tsv.js';
import { Gazetteer } from './actors/gazetteer.js';
import { MentionFinder, newContext, makeActor, sameActor, type Mention } from './actors/mentions.js';
import { findTriggers, type TriggerMatch } from './events/match.js';
import { readRoles, type Roles } from './events/roles.js';
import { isNegated, isHypothetical } from './events/modality.js';
import { datelineEnd } from './dateline.js';

export type { Coder, CoderOptions } from './coder-api.js';

/** Splits a lexicon phrase into tokens the way the text stage splits documents. */
function tokenizePhrase(phrase: string): string[] {
  return analyse(phrase).lower;
}

export interface Resources {
  cameo: CameoTable;
  events: EventLexicon;
  gazetteer: Gazetteer;
}

export function loadResources(dataDir = DEFAULT_DATA_DIR): Resources {
  const cameo = loadCameo(dataDir);
  const events = loadEventLexicon(cameo, dataDir);
  const gazetteer = new Gazetteer(loadActorLexicon(dataDir), tokenizePhrase);
  return { cameo, events, gazetteer };
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
  const ctx = newContext(published(article));
  const skip = datelineEnd(doc);
  const out: CodedEvent[] = [];
  for (let s = 0; s < doc.sentStart.length; s++) {
    const from = doc.sentStart[s];
    const to = doc.sentEnd[s];
    if (to <= skip) continue;
    const mentions = finder.sentence(doc, s, ctx, skip);
    const triggers = findTriggers(doc, Math.max(from, skip), to, res.events, mentions, !!opts.statements);
    const modifier = (k: number) => modifierActor(doc, k, Math.max(from, skip), mentions, res.gazetteer);
    for (const t of triggers) {
      const roles = readRoles(doc, t, mentions, Math.max(from, skip), to, modifier);
      for (const [src, tgt] of pairs(roles)) out.push(record(article, doc, s, t, src, tgt, roles, res, Math.max(from, skip), to));
    }
    ctx.history.push(...mentions);
  }
  return out;
}

/** "Russian aggression", "Iran's attack": an actor written right before a nominal trigger. */
function modifierActor(doc: TextDoc, k: number, from: number, mentions: Mention[], gaz: Gazetteer): Mention | null {
  let j = k - 1;
  if (j >= from && (doc.value[j] === "'s" || doc.value[j] === '’s' || doc.value[j] === "'" || doc.value[j] === '’')) {
    const owner = mentions.find((m) => m.end === j);
    return owner ?? null;
  }
  // Skip other modifiers ("Russian-brokered ceasefire", "Azerbaijani military offensive").
  for (let back = 0; back < 3 && j >= from; back++, j--) {
    if (doc.value[j] === '-') continue;
    for (let st = Math.max(from, j - 3); st <= j; st++) {
      const a = gaz.matchAt(doc, st, j + 1, (e) => e.kind === 'adj' || e.kind === 'country' || e.kind === 'igo' || e.kind === 'capital');
      if (a && a.end === j + 1) {
        const e = a.entry;
        const text = doc.text.slice(doc.start[a.start], doc.end[a.end - 1]);
        return { start: a.start, end: a.end, sent: -1, members: [makeActor(text, e.country, e.kind === 'capital' ? 'GOV' : null, null, e.kind === 'igo' ? e.code : null)], kind: 'country', anaphor: false, prep: null, roles: [] };
      }
    }
    if (!(doc.pos[j] === 'ADJ' || doc.pos[j] === 'NOUN' || doc.pos[j] === 'VERB')) break;
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
  if (r.compoundRecip && r.source) {
    const [first, ...rest] = r.source.members;
    return rest.filter((b) => !sameActor(first, b)).map((b) => [first, b]);
  }
  const tgts: (ActorRef | null)[] = r.target ? r.target.members : [null];
  const out: [ActorRef | null, ActorRef | null][] = [];
  for (const a of srcs) for (const b of tgts) {
    if (a && b && (a === b || sameActor(a, b))) continue;
    out.push([a, b]);
  }
  return out;
}

function record(article: Article, doc: TextDoc, s: number, t: TriggerMatch, source: ActorRef | null, target: ActorRef | null,
  roles: Roles, res: Resources, from: number, to: number): CodedEvent {
  const code = res.cameo.get(t.rule.cameo)!;
  const start = doc.start[t.start];
  const end = doc.end[t.end - 1];
  const sStart = doc.start[doc.sentStart[s]];
  const sEnd = doc.end[doc.sentEnd[s] - 1];
  return {
    article_id: article.id,
    sentence: s,
    sentence_text: doc.text.slice(sStart, sEnd),
    trigger: { text: doc.text.slice(start, end), start, end },
    rule: `${t.rule.id} [${roles.how}]`,
    source, target,
    cameo: code.code,
    cameo_root: code.root,
    quad_class: code.quadClass,
    goldstein: code.goldstein,
    plover: { event: code.plover, mode: code.ploverMode, context: code.ploverContext },
    date: null,
    date_precision: null,
    historical: null,
    negated: isNegated(doc, t.head, from),
    hypothetical: isHypothetical(doc, t.head, t.rule.pos === 'noun', from, to),
    location: null,
    killed: null,
    wounded: null,
  };
}
