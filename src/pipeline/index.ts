/**
 * The pipeline: Article -> text -> actors -> triggers -> roles -> event records.
 * No I/O beyond loading the lexicons once; the same coder runs in the CLI, workers and the eval.
 */
import type { Article, ActorRef, CodedEvent } from './types.js';
import type { Coder, CoderOptions } from './coder-api.js';
import { analyse, type TextDoc } from './text.js';
import { loadCameo, type CameoTable } from '../ontology/cameo.js';
import { loadEventLexicon, type EventLexicon } from '../lexicon/events.js';
import { loadActorLexicon, personEntries, type PersonRow } from '../lexicon/actors.js';
import { loadModality, type ModalityTable } from '../lexicon/modality.js';
import { DEFAULT_DATA_DIR } from '../lexicon/tsv.js';
import { Gazetteer } from './actors/gazetteer.js';
import { MentionFinder, newContext, homeCountry, makeActor, makeMention, type Mention } from './actors/mentions.js';
import { findTriggers, type TriggerMatch } from './events/match.js';
import { makeRoles, readRoles, type Roles } from './events/roles.js';
import { refineManner } from './events/manner.js';
import { discourseSource, VIOLENT, type LastViolent } from './events/discourse.js';
import { readModality, unmatchedDemands, type Reading } from './events/readings.js';
import { pairs } from './events/pairs.js';
import { datelineEnd } from './dateline.js';
import { ArticleDates, type EventDate } from './when/dates.js';
import { findCasualties, casualtiesFor, type CasualtyCount } from './casualties.js';
import { loadGeoIndex, articlePlaces, eventLocation, datelineLocation, type GeoIndex } from '../geo/index.js';
import { countryRef } from '../geo/resolve.js';
import type { LocationRef } from './types.js';

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
  geo: GeoIndex;
}

/**
 * People known from outside the lexicon files. `overrides` (a user's corrections) win over the lexicon
 * files; `learned` (from articles coded before, kept by the store) only add names the files lack.
 */
export interface ExtraPeople {
  overrides?: PersonRow[];
  learned?: PersonRow[];
}

export function loadResources(dataDir = DEFAULT_DATA_DIR, people: ExtraPeople = {}): Resources {
  const cameo = loadCameo(dataDir);
  const events = loadEventLexicon(cameo, dataDir);
  // The gazetteer keeps the first entry per phrase: overrides, then the files, then what was learned.
  const files = loadActorLexicon(dataDir);
  // A learned person's surname alone ("Abdollahian") is theirs when no other known person has it.
  const surnames = new Map<string, Set<string>>();
  const known = [...(people.overrides ?? []), ...(people.learned ?? []), ...files.filter((e) => e.kind === 'person' && !e.surname).map((e) => ({ name: e.name ?? e.phrase }))];
  for (const p of known) {
    const last = p.name.split(/\s+/).pop()!.toLowerCase();
    if (!surnames.has(last)) surnames.set(last, new Set());
    surnames.get(last)!.add(p.name.toLowerCase());
  }
  const lone = (name: string) => surnames.get(name.split(/\s+/).pop()!.toLowerCase())!.size === 1;
  const gazetteer = new Gazetteer([
    ...(people.overrides ?? []).flatMap((p) => personEntries(p, `people override: ${p.name}`, lone(p.name))),
    ...files,
    ...(people.learned ?? []).flatMap((p) => personEntries(p, `learned: ${p.name}`, lone(p.name))),
  ], tokenizePhrase);
  return { cameo, events, gazetteer, modality: loadModality(cameo, dataDir), geo: loadGeoIndex() };
}

export function createCoder(opts: CoderOptions = {}, res: Resources = loadResources(opts.dataDir, opts.people)): Coder {
  const finder = new MentionFinder(res.gazetteer);
  return {
    code(article: Article): CodedEvent[] {
      return codeArticle(article, res, finder, opts).events;
    },
    codeCounted(article: Article) {
      return codeArticle(article, res, finder, opts);
    },
  };
}

function published(a: Article): string | null {
  return a.published && /^\d{4}-\d{2}-\d{2}/.test(a.published) ? a.published.slice(0, 10) : null;
}

/** Actor codes that are organisations, not countries (no place to prefer). */
const IGO_LIKE = /^(?:IGO|NGO|UNO|EUR|NAT|AFU|OSC|ASN|ARL|GCC|OPC|OAS|WAF|SCO|CIS|OIC|COE|CWN|NON|IMF|WBK|WTO|WHO|ICC|ICJ)$/;

/**
 * Where events happened when their sentence names no place: the place the story last put an event
 * at, in the same paragraph of time (not across a move to background or back), else the dateline.
 */
class StoryPlace {
  private last: { loc: LocationRef; date: string | null; actors: string[] } | null = null;
  constructor(private readonly dateline: LocationRef | null, private readonly home: LocationRef | null,
    private readonly countryOf: (iso3: string) => LocationRef | null) {}

  /**
   * `own`: the place the event's sentence names. Otherwise the place of the story's last placed event
   * when it is at the same date and shares an actor (the same episode), then the dateline for current events
   * involving the dateline's country, then the
   * story's own country for events between its own actors ("police arrested a man"), then for a verbal
   * act the speaker's country: country precision.
   */
  place(own: LocationRef | null, date: string | null, historical: boolean | null, actors: string[], speaker: string | null = null): LocationRef | null {
    if (own) {
      this.last = { loc: own, date, actors };
      return { ...own, basis: 'sentence' };
    }
    const last = this.last;
    if (last && date !== null && last.date === date && actors.some((c) => last.actors.includes(c))) return { ...last.loc, basis: 'episode' };
    const dl = this.dateline;
    if (dl && historical === false && actors.includes(dl.country ?? '')) return { ...dl, basis: 'dateline' };
    if (this.home && actors.length > 0 && actors.every((c) => c === this.home!.country)) return { ...this.home, basis: 'story-country' };
    // A statement is made where its speaker is: a verbal act (quad class 1 or 3) takes the source's country.
    if (speaker) {
      const ref = this.countryOf(speaker);
      if (ref) return { ...ref, basis: 'speaker-country' };
    }
    return null;
  }
}

/** Events that can have casualties: violent protest (145), force, assault and mass violence (18-20). */
const VIOLENT_ROOT = /^(?:145|18|19|20)/;

/** PLOVER 2.0 event types whose manual entry says "Requires recipient: Yes". */
const NEEDS_RECIPIENT = new Set(['COOPERATE', 'AID', 'SANCTION']);

function codeArticle(article: Article, res: Resources, finder: MentionFinder, opts: CoderOptions): { events: CodedEvent[]; sentences: number } {
  const doc = analyse(article.text);
  const skip = datelineEnd(doc);
  const atoms = finder.docAtoms(doc);
  const ctx = newContext(published(article), homeCountry(doc, atoms, skip));
  const dates = new ArticleDates(doc, article.published, skip, { historicalDays: opts.historicalDays });
  const places = articlePlaces(res.geo, doc);
  const story = new StoryPlace(datelineLocation(res.geo, doc), ctx.home ? countryRef(res.geo, ctx.home) : null, (c) => countryRef(res.geo, c));
  const out: CodedEvent[] = [];
  let lastViolent: LastViolent | null = null;
  for (let s = 0; s < doc.sentStart.length; s++) {
    const from = doc.sentStart[s];
    const to = doc.sentEnd[s];
    if (to <= skip) continue;
    let counts: CasualtyCount[] | null = null;
    const casualties = (t: TriggerMatch, cameo: string) => casualtiesFor(counts ??= findCasualties(doc, Math.max(from, skip), to), { start: t.start, end: t.end }, cameo);
    const when = new Map<number, EventDate>();
    const dateOf = (k: number) => {
      let d = when.get(k);
      if (!d) when.set(k, d = dates.dateFor(s, doc.start[k]));
      return d;
    };
    const mentions = finder.sentence(doc, s, ctx, skip, atoms);
    const names = namesIn(mentions);
    dates.beginSentence(s, names);
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
      let roles = discourseSource(doc, t, readRoles(doc, t, mentions, f, to, modifier, isTrigger), mentions, s, f, lastViolent, res.events);
      const reading = readModality(doc, t, roles, mentions, f, to, res.modality);
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
        const ev = record(article, doc, s, t, source, tgt, makeRoles(roles.source, roles.target, roles.reciprocal, roles.compoundRecip, how), res, reading, dateOf(t.head));
        const actorCountries = [source?.country, tgt?.country].filter((c): c is string => !!c && /^[A-Z]{3}$/.test(c) && !IGO_LIKE.test(c));
        ev.location = story.place(eventLocation(res.geo, doc, f, to, { start: t.start, end: t.end },
          { actorCountries, articleCountries: places.countries, articleAdmin1: places.admin1 }), ev.date, ev.historical, actorCountries,
          (ev.quad_class === 1 || ev.quad_class === 3) && source?.country && actorCountries.includes(source.country) ? source.country : null);
        if (VIOLENT_ROOT.test(ev.cameo)) {
          const c = casualties(t, ev.cameo);
          ev.killed = c.killed;
          ev.wounded = c.wounded;
          ev.casualties_qualifier = c.qualifier;
        }
        out.push(ev);
        if (roles.source && src && VIOLENT.test(reading.cameo)) lastViolent = { mention: roles.source, sent: s };
      }
    }
    ctx.history.push(...mentions);
    dates.endSentence(s, names);
  }
  return { events: out, sentences: doc.sentStart.length };
}

/** The people and organisations a sentence names (after pronouns and titles are resolved). */
function namesIn(mentions: Mention[]): string[] {
  const out: string[] = [];
  // A person is known by surname across the article ("Hossein Amir Abdollahian" ... "Abdollahian").
  for (const m of mentions) for (const a of m.members) {
    if (a.name) out.push(a.name.split(' ').pop()!.toLowerCase());
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
  // Skip other modifiers ("Azerbaijani military offensive"); "Russian-brokered ceasefire", "US-backed
  // offensive": the country brokered or backed the act, it is not its actor.
  for (let back = 0; back < 3 && j >= from; back++, j--) {
    if (doc.value[j] === '-') return null;
    for (let st = Math.max(from, j - 3); st <= j; st++) {
      const a = gaz.matchAt(doc, st, j + 1, (e) => e.kind === 'adj' || e.kind === 'country' || e.kind === 'igo' || e.kind === 'capital');
      if (a && a.end === j + 1) {
        const e = a.entry;
        const text = doc.text.slice(doc.start[a.start], doc.end[a.end - 1]);
        return makeMention(a.start, a.end, -1, [makeActor(text, e.country, e.kind === 'capital' ? 'GOV' : null, null, e.kind === 'igo' ? e.code : null)], 'country', false, null, []);
      }
    }
    if (!(doc.pos[j] === 'ADJ' || doc.pos[j] === 'NOUN')) break;
  }
  return null;
}

function record(article: Article, doc: TextDoc, s: number, t: TriggerMatch, source: ActorRef | null, target: ActorRef | null,
  roles: Roles, res: Resources, reading: Reading, when: EventDate): CodedEvent {
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
    date: when.date,
    date_precision: when.precision,
    historical: when.historical,
    date_basis: when.basis,
    negated: reading.negated,
    hypothetical: reading.hypothetical,
    location: null,
    killed: null,
    wounded: null,
    casualties_qualifier: null,
  };
}
