/**
 * Actor mentions: groups gazetteer atoms, names and determiners into noun-phrase mentions
 * ("Iranian Foreign Minister Hossein Amir Abdollahian" -> IRNGOV, name), learns people within the
 * article, resolves pronouns ("he", "its troops") and group references ("both sides", "the two
 * countries"), and joins compounds ("Azerbaijan and Armenia").
 */
import type { ActorRef } from '../types.js';
import type { TextDoc } from '../text.js';
import type { Atom, Gazetteer } from './gazetteer.js';
import type { GazEntry, AgentKind } from '../../lexicon/actors.js';
import { SPEECH_VERBS } from '../events/clause.js';

export type MentionKind = AgentKind | 'country' | 'pair';

export interface Mention {
  start: number;
  end: number;
  sent: number;
  members: ActorRef[];
  kind: MentionKind;
  /** Resolved from a pronoun or a group word: the members come from earlier mentions. */
  anaphor: boolean;
  /** The preposition right before the mention, if any ("with", "by", "between"...). */
  prep: string | null;
  /** Role words of the mention ("foreign minister", "spokesman"), for "the spokesman" later on. */
  roles: string[];
}

export interface ArticleContext {
  /** Publication date (YYYY-MM-DD) for office-holder date checks; null when unknown. */
  published: string | null;
  /** People learned in this article: lower-cased name (any tail of the full name) -> actor. */
  people: Map<string, ActorRef>;
  /** Every mention so far, in text order. */
  history: Mention[];
  /** Most recent pair of distinct actors written together ("A and B", "between A and B"). */
  lastPair: ActorRef[] | null;
  /**
   * The country the story is about (the most mentioned one), given to actors that the text names only
   * by role ("police", "the court", "protesters") — domestic news rarely repeats the country.
   */
  home: string | null;
}

export function newContext(published: string | null, home: string | null = null): ArticleContext {
  return { published, people: new Map(), history: [], lastPair: null, home };
}

/** The most mentioned country of an article (names, adjectives, capitals), if it leads clearly. */
export function homeCountry(doc: TextDoc, atoms: (Atom | null)[], from: number): string | null {
  const counts = new Map<string, number>();
  // The lead sentence says what the story is about: its countries count double.
  const lead = doc.sentEnd.find((e) => e > from) ?? doc.n;
  // The dateline ("BOGOTA, 25 OCT 88 --") names the place the story is filed from: it counts too.
  for (let i = 0; i < doc.n; i++) {
    const a = atoms[i];
    if (!a || a.start !== i) continue;
    const k = a.entry.kind;
    const c = a.entry.country;
    if (c && (k === 'country' || k === 'adj' || k === 'capital')) counts.set(c, (counts.get(c) ?? 0) + (i >= from && i < lead ? 2 : 1));
  }
  let best: string | null = null;
  let bestN = 0;
  let second = 0;
  for (const [c, n] of counts) {
    if (n > bestN) { second = bestN; bestN = n; best = c; } else if (n > second) second = n;
  }
  return bestN > second ? best : null;
}

const POSSESSIVE_PRON = new Set(['his', 'her', 'its', 'their']);
const DETERMINERS = new Set(['the', 'a', 'an', 'this', 'these', 'those', 'both', 'all', 'some', 'several', 'many', 'other', 'another', 'each', 'two', 'three', 'four']);
const POSSESSIVE_MARK = new Set(["'s", '’s', "'", '’', "'S", '’S']);
/** Time words end a noun phrase: "Vice President Kamala Harris today met ...". */
const TIME_WORDS = new Set(['today', 'yesterday', 'tomorrow', 'tonight', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'now', 'earlier', 'later']);
const GROUP_NOUNS = new Set(['side', 'party', 'country', 'nation', 'neighbor', 'neighbour', 'state', 'government', 'leader', 'minister', 'president', 'rival', 'foe', 'adversary', 'enemy', 'capital', 'republic', 'power']);
const PERSON_GROUP_NOUNS = new Set(['leader', 'minister', 'president']);
const NAME_POS = new Set(['PROPN', 'NOUN', 'ADJ', 'X', 'VERB']);
const CHUNK_POS = new Set(['DET', 'ADJ', 'NOUN', 'PROPN', 'NUM']);
const SUBJECT_PRONOUNS = new Set(['he', 'she']);
const OBJECT_PRONOUNS = new Set(['him', 'her']);
const PLURAL_PRONOUNS = new Set(['they', 'them']);
const THING_PRONOUNS = new Set(['it']);
const NAME_SUFFIXES = new Set(['jr', 'jr.', 'sr', 'sr.', 'ii', 'iii', 'iv']);

function actorCode(country: string | null, sector: string | null, igo: string | null): string {
  if (igo) return igo + (sector && !igo.endsWith(sector) && sector !== 'NGO' ? sector : '');
  return (country ?? '') + (sector ?? '');
}

export function makeActor(text: string, country: string | null, sector: string | null, name: string | null, igo: string | null = null): ActorRef {
  return { text, code: actorCode(country, sector, igo), country, sector, name };
}

/** The same actor named by other words. (Built field by field, not by spreading: one object shape for every actor.) */
export function actorAs(a: ActorRef, text: string): ActorRef {
  return { text, code: a.code, country: a.country, sector: a.sector, name: a.name };
}

/** Every mention is built here, so the coder's hot code sees one shape of mention. */
export function makeMention(start: number, end: number, sent: number, members: ActorRef[], kind: MentionKind, anaphor: boolean, prep: string | null, roles: string[]): Mention {
  return { start, end, sent, members, kind, anaphor, prep, roles };
}

/** Sector of a chunk: the first specific (non-GOV) sector of its role words, else GOV if any. */
function chunkSector(agents: GazEntry[]): string | null {
  let gov = false;
  for (const a of agents) {
    if (!a.sector) continue;
    if (a.sector === 'GOV') gov = true;
    else return a.sector;
  }
  return gov ? 'GOV' : null;
}

function inOffice(e: GazEntry, date: string | null): boolean {
  if (!date) return true;
  const d = date.slice(0, 10);
  return (!e.from || e.from <= d) && (!e.to || d <= e.to);
}

/** Registers every tail of a person's name ("Hossein Amir Abdollahian", "Amir Abdollahian", "Abdollahian"). */
function learnPerson(ctx: ArticleContext, name: string, actor: ActorRef): void {
  const parts = name.toLowerCase().split(/\s+/).filter((p) => !NAME_SUFFIXES.has(p));
  for (let i = 0; i < parts.length; i++) {
    const key = parts.slice(i).join(' ');
    if (key.length < 3) continue;
    const prev = ctx.people.get(key);
    // A later, better-specified mention may fill in a country or sector learned without one.
    if (!prev || (!prev.country && actor.country) || (!prev.sector && actor.sector && prev.country === actor.country)) ctx.people.set(key, actor);
  }
  // Names written closed up elsewhere ("Amirabdollahian").
  if (parts.length > 1) ctx.people.set(parts.slice(-2).join(''), actor);
}

interface Chunk {
  start: number;
  end: number;
  atoms: Atom[];
  /** Token indexes of the possessive markers ('s) inside the chunk. */
  possessives: number[];
  /** Token index of a possessive pronoun at the chunk start. */
  possPron: number;
  /** Name tokens (capitalised, not covered by atoms). */
  names: number[];
  group: boolean;
  /** "United States-led Iraq War", "Saudi-led coalition": the leader is the actor, not the places after it. */
  leader: Atom | null;
}

function makeChunk(start: number, end: number, atoms: Atom[], possessives: number[], possPron: number, names: number[], group: boolean, leader: Atom | null): Chunk {
  return { start, end, atoms, possessives, possPron, names, group, leader };
}

export class MentionFinder {
  constructor(private gaz: Gazetteer) {}

  /** Gazetteer matches of the whole document, token by token (null where none), within sentences. */
  docAtoms(doc: TextDoc): (Atom | null)[] {
    const at: (Atom | null)[] = new Array(doc.n).fill(null);
    for (let s = 0; s < doc.sentStart.length; s++) {
      const to = doc.sentEnd[s];
      for (let i = doc.sentStart[s]; i < to;) {
        const a = this.gaz.matchAt(doc, i, to);
        if (a) { for (let j = a.start; j < a.end; j++) at[j] = a; i = a.end; } else i++;
      }
    }
    return at;
  }

  /** Finds the mentions of one sentence, resolving references against the article context. */
  sentence(doc: TextDoc, s: number, ctx: ArticleContext, skipUntil = -1, atoms: (Atom | null)[] = this.docAtoms(doc)): Mention[] {
    const from = Math.max(doc.sentStart[s], skipUntil);
    const to = doc.sentEnd[s];
    this.atomsOf = atoms;
    const out: Mention[] = [];
    let i = from;
    while (i < to) {
      const pron = this.pronoun(doc, i, s, ctx, out);
      if (pron) { out.push(pron); i++; continue; }
      const chunk = this.chunk(doc, i, to, atoms, ctx);
      if (!chunk) { i++; continue; }
      const m = this.interpret(doc, chunk, s, ctx, out);
      if (m) {
        // Join "A and B" at once, so that "both sides" later in the sentence can refer to the pair.
        const prev = out[out.length - 1];
        if (prev && separator(doc, prev.end, m.start) === 'and' && !clauseJoin(doc, prev, m, from)) out[out.length - 1] = conjoin(prev, m);
        else out.push(m);
      }
      i = chunk.end;
    }
    for (const m of out) m.prep = prepBefore(doc, m.start, from);
    // "after he attended a summit": a subordinator before a clause's subject is no preposition.
    for (const m of out) if (m.prep && SUBORDINATING.has(m.prep) && followedByVerb(doc, m.end, to)) m.prep = null;
    for (const m of out) if (m.prep === 'of') liftQuantity(doc, m, from);
    attachPlaceModifiers(doc, out, ctx);
    placeCountryForRoles(out);
    const joined = joinCompounds(doc, out, ctx, from);
    return joined;
  }

  private pronoun(doc: TextDoc, i: number, s: number, ctx: ArticleContext, current: Mention[]): Mention | null {
    if (doc.pos[i] !== 'PRON') return null;
    const w = doc.lower[i];
    let members: ActorRef[] | null = null;
    let kind: MentionKind = 'person';
    if (SUBJECT_PRONOUNS.has(w)) members = lastPerson(ctx, current, null);
    else if (OBJECT_PRONOUNS.has(w) && !POSSESSIVE_FOLLOWS(doc, i)) members = lastPerson(ctx, current, nearestSubject(doc, current));
    else if (PLURAL_PRONOUNS.has(w)) { members = lastPlural(ctx, current); kind = 'pair'; }
    else if (THING_PRONOUNS.has(w)) { members = lastThing(ctx, current, null); kind = 'org'; }
    if (!members) return null;
    return makeMention(i, i + 1, s, members.map((m) => actorAs(m, doc.value[i])), kind, true, null, []);
  }

  /** Greedy noun-phrase chunk starting at i that contains at least one actor word, a name or a group word. */
  private chunk(doc: TextDoc, i: number, to: number, atoms: (Atom | null)[], ctx: ArticleContext): Chunk | null {
    const c = makeChunk(i, i, [], [], -1, [], false, null);
    let j = i;
    if (POSSESSIVE_PRON.has(doc.lower[j]) && doc.pos[j] === 'PRON') { c.possPron = j; j++; }
    let sawPersonRole = false;
    while (j < to) {
      const a = atoms[j];
      if (a && a.entry.surname && !sawPersonRole && !ctx.people.has(doc.lower[j])) {
        // A known leader's last name without a title ("Johnson") is just a name here.
        if (doc.cap[j]) { c.names.push(j); j = a.end; continue; }
        break;
      }
      if (a && c.leader && (a.entry.kind === 'country' || a.entry.kind === 'adj' || a.entry.kind === 'capital')) { j = a.end; continue; }
      if (a) {
        if (a.entry.kind === 'agent' && GROUP_NOUNS.has(doc.lemma[a.end - 1]) && groupWordBefore(doc, c.start, a.end - 1)) c.group = true;
        c.atoms.push(a);
        if (a.entry.kind === 'agent' && a.entry.agentKind === 'person') sawPersonRole = true;
        if (a.entry.kind === 'person') sawPersonRole = true;
        j = a.end;
        continue;
      }
      const w = doc.lower[j];
      if (TIME_WORDS.has(w) && j > c.start) break;
      if (POSSESSIVE_MARK.has(doc.value[j]) && j > c.start) { c.possessives.push(j); j++; continue; }
      // "Turkish and Greek sides", "U.S. and Russian negotiators": coordinated nationality adjectives.
      const prevAtom = j > c.start ? atoms[j - 1] : null;
      if ((w === 'and' || w === ',') && prevAtom?.entry.kind === 'adj' && atoms[j + 1] && (atoms[j + 1]!.entry.kind === 'adj' || atoms[j + 1]!.entry.kind === 'country')) {
        const after = atoms[j + 1]!;
        if (after.end < to && (atoms[after.end] || doc.pos[after.end] === 'NOUN' || doc.pos[after.end] === 'ADJ')) { j++; continue; }
      }
      if (w === 'of' && (c.atoms.some((x) => x.entry.kind === 'agent') || sawPersonRole) && j + 1 < to) {
        // "Minister of Foreign Affairs of the Republic of Azerbaijan": take the of-country into the chunk.
        let k = j + 1;
        if (doc.lower[k] === 'the') k++;
        const b = atoms[k];
        if (b && (b.entry.kind === 'country' || b.entry.kind === 'igo' || b.entry.kind === 'capital')) { c.atoms.push(b); j = b.end; continue; }
        break;
      }
      if (doc.cap[j] && NAME_POS.has(doc.pos[j]) && /^\p{Lu}[\p{L}'’.-]*$/u.test(doc.value[j])) {
        const afterDeterminer = j === c.start + 1 && (DETERMINERS.has(doc.lower[c.start]) || c.possPron === c.start);
        if (sawPersonRole || c.names.length > 0 || j === c.start || afterDeterminer || ctx.people.has(w)) { c.names.push(j); j++; continue; }
      }
      if (doc.pos[j] === 'PUNCT' && doc.value[j] === '-' && j + 1 < to && j > c.start && doc.start[j] === doc.end[j - 1]) {
        // "Damascus-based", "Iranian-backed", "Russian-brokered": the place or backer only describes the head.
        if (doc.start[j + 1] === doc.end[j] && (doc.pos[j + 1] === 'VERB' || /(ed|based|born|owned)$/.test(doc.lower[j + 1]))) {
          const last = c.atoms[c.atoms.length - 1];
          if (last && last.end === j && doc.lower[j + 1] === 'led') c.leader = last;
          else if (last && last.end === j) c.atoms.pop();
          j += 2;
          continue;
        }
        j++;
        continue;
      }
      // "Iran's new top diplomat": the tagger sometimes calls a prenominal adjective an adverb.
      if (doc.pos[j] === 'ADV' && j > c.start && j + 1 < to && (doc.pos[j + 1] === 'ADJ' || doc.pos[j + 1] === 'NOUN' || atoms[j + 1]) && !/ly$/.test(w)) { j++; continue; }
        if (j === c.start && WH_WORDS.has(w)) break;
      const isDet = doc.pos[j] === 'DET' || DETERMINERS.has(w);
      if (isDet && (j === c.start || (j > c.start && (doc.pos[j - 1] === 'DET' || DETERMINERS.has(doc.lower[j - 1]) || j - 1 === c.possPron)))) { j++; continue; }
      if (!isDet && CHUNK_POS.has(doc.pos[j])) {
        if (GROUP_NOUNS.has(doc.lemma[j]) && groupWordBefore(doc, c.start, j)) c.group = true;
        j++;
        continue;
      }
      break;
    }
    c.end = j;
    if (c.end === c.start) return null;
    if (c.atoms.length === 0 && c.names.length === 0 && !c.group && c.possPron < 0) return null;
    return c;
  }

  /** Atoms of the sentence being read (for looking ahead at an appositive). */
  private atomsOf: (Atom | null)[] | null = null;

  private appositiveRole(doc: TextDoc, k: number, to: number, ctx: ArticleContext, current: Mention[]): ActorRef | null {
    if (k >= to || doc.value[k] !== ',') return null;
    k++;
    if (k < to && (doc.lower[k] === 'who' || doc.lower[k] === 'then')) {
      k++;
      for (let n = 0; n < 3 && k < to && (doc.pos[k] === 'AUX' || doc.pos[k] === 'VERB' || doc.pos[k] === 'ADV'); n++) k++;
      if (k < to && doc.lower[k] === 'as') k++;
    }
    const atoms = this.atomsOf!;
    const c = this.chunk(doc, k, to, atoms, ctx);
    if (!c || !c.atoms.some((a) => a.entry.kind === 'agent' && a.entry.agentKind === 'person')) return null;
    const m = this.interpret(doc, c, -1, ctx, current);
    const a = m?.members.length === 1 ? m.members[0] : null;
    return a && a.country && !a.name ? a : null;
  }

  private interpret(doc: TextDoc, c: Chunk, s: number, ctx: ArticleContext, current: Mention[]): Mention | null {
    const text = doc.text.slice(doc.start[c.start], doc.end[c.end - 1]);
    const named = c.atoms.some((a) => a.entry.kind !== 'agent');
    if (c.group && !named) {
      const members = groupMembers(doc, c, ctx, current, s);
      if (!members) return null;
      return makeMention(c.start, c.end, s, members.map((m) => actorAs(m, text)), 'pair', true, null, []);
    }
    // Where does the head segment start (after the last possessive)?
    const lastPoss = c.possessives.length ? c.possessives[c.possessives.length - 1] : -1;
    const headAtoms = c.atoms.filter((a) => a.start > lastPoss);
    const headNames = c.names.filter((n) => n > lastPoss);
    // The head word: the last token of the chunk that is not a trailing name.
    let headTok = c.end - 1;
    while (headNames.includes(headTok) && headTok > lastPoss + 1 && headAtoms.length) headTok--;
    // "opposition groups", "al-Qaeda terror network", "the UNITA militarist wing": a collective noun
    // after a role word or a named group stands for the actor the modifiers name.
    const collective = GENERIC_HEADS.has(doc.lemma[headTok]) && headAtoms.some((a) => a.entry.kind === 'agent' || a.entry.kind === 'group' || a.entry.kind === 'igo');
    if (collective) while (headTok > c.start && !headAtoms.some((a) => a.start <= headTok && headTok < a.end)) headTok--;
    const headAtom = headAtoms.find((a) => a.start <= headTok && headTok < a.end);
    // (A capitalised word after a possessive names a thing: "the Vice President's Residence".)
    const headIsActor = !!headAtom && (headAtom.entry.kind !== 'adj' || !!headAtom.plural) ||
      (headAtoms.length === 0 && headNames.length > 0 && headNames.includes(c.end - 1) && lastPoss < 0);
    if (!headIsActor) {
      // "the Islamic Republic's help": the possessor alone is the actor.
      if (lastPoss > c.start) {
        const sub = makeChunk(c.start, lastPoss, c.atoms.filter((a) => a.end <= lastPoss), c.possessives.slice(0, -1), c.possPron, c.names.filter((n) => n < lastPoss), c.group, c.leader);
        if (sub.atoms.length || sub.names.length) return this.interpret(doc, sub, s, ctx, current);
      }
      // "US mediation", "Turkish and Greek sides": nationality words modifying a plain noun stand for the country.
      const modifiers = dedupeCountries(headAtoms.filter((a) => a.entry.kind !== 'agent' && a.entry.kind !== 'person')
        .map((a) => makeActor(text, a.entry.country, a.entry.kind === 'capital' ? 'GOV' : null, null, a.entry.kind === 'igo' ? a.entry.code : null)));
      if (modifiers.length) return makeMention(c.start, c.end, s, modifiers, modifiers.length > 1 ? 'pair' : 'country', false, null, []);
      if (c.possPron >= 0 && c.possPron === c.start) {
        const members = lastThing(ctx, current, nearestSubject(doc, current));
        const w = doc.lower[c.possPron];
        const ref = w === 'his' || w === 'her' ? lastPerson(ctx, current, null) : members;
        if (ref) return makeMention(c.start, c.start + 1, s, ref.map((m) => actorAs(m, doc.value[c.start])), 'org', true, null, []);
      }
      return null;
    }
    let country: string | null = null;
    let igo: string | null = null;
    let personEntry: GazEntry | null = null;
    let groupEntry: GazEntry | null = null;
    let ethnic = false;
    const agents: GazEntry[] = [];
    let capital = false;
    for (const a of c.atoms) {
      const e = a.entry;
      if (e.kind === 'agent') agents.push(e);
      else if (e.kind === 'igo') { igo = e.code; country = e.country; if (e.sector) agents.push(e); }
      // "Pakistani Taliban", "Syrian Muslim Brotherhood": a nationality before a group's name wins.
      else if (e.kind === 'group') { country ??= e.country; groupEntry = e; }
      else if (e.kind === 'person') { if (inOffice(e, ctx.published)) personEntry = e; else country ??= e.country; }
      else if (e.kind === 'adj' && a.start > c.start && doc.lower[a.start - 1] === 'ethnic') {
        // "ethnic Albanians in Serbia": an ethnic group is coded by where it lives, not by the kin state.
        country ??= ctx.home; ethnic = true;
      } else { if (!igo) country = e.country; if (e.kind === 'capital') capital = true; }
    }
    // "Hamas gunmen": the role word's sector, else the named group's own ("Hamas" -> PSE UAF).
    let sector = chunkSector(agents) ?? groupEntry?.sector ?? (ethnic ? 'CVL' : null);
    let kind: MentionKind = agents.length ? agents[agents.length - 1].agentKind ?? 'org' : igo || groupEntry ? 'org' : headAtom?.plural ? 'group' : 'country';
    let name: string | null = groupEntry ? groupEntry.phrase : null;
    const roles = agents.map((a) => a.phrase);
    const nameToks = c.names.filter((n) => n > lastPoss || lastPoss < 0);
    const firstAgent = c.atoms.find((a) => a.entry.kind === 'agent');
    const namesBeforeRole = nameToks.length > 0 && !!firstAgent && nameToks.every((n) => n < firstAgent.start);
    if (namesBeforeRole && kind !== 'person') {
      // "Mehr News Agency", "Hamas movement": an organisation's own name.
      name = doc.text.slice(doc.start[nameToks[0]], doc.end[c.end - 1]);
    } else if (nameToks.length) {
      // "Council spokesperson Barend Leyts": capitalised words before the role are not the person's name.
      const personal = firstAgent && nameToks.some((n) => n > firstAgent.start) ? nameToks.filter((n) => n > firstAgent.start) : nameToks;
      name = personal.map((n) => doc.value[n]).join(' ');
      kind = 'person';
    }
    // "Bosnian Serbs", "Iraqi Kurds": a people named with the country they live in belongs to that country.
    if (headAtom?.plural) {
      const home = c.atoms.find((a) => a !== headAtom && a.end <= headAtom.start && (a.entry.kind === 'adj' || a.entry.kind === 'country'));
      if (home) country = home.entry.country;
    }
    // "NATO-member Norway", "EU member Poland": an organisation before a country head only describes it.
    if (igo && headAtom && (headAtom.entry.kind === 'country' || headAtom.entry.kind === 'capital') && c.atoms.some((a) => a.entry.kind === 'igo' && a.end <= headAtom.start)) {
      igo = null; country = headAtom.entry.country;
    }
    if (personEntry) {
      country = personEntry.country; sector = personEntry.sector; kind = 'person'; name = personEntry.name;
      if (personEntry.code?.startsWith('IGO')) igo = personEntry.code;
    }
    if (capital && !sector && agents.length === 0) sector = 'GOV';
    if (name && kind === 'person') {
      const learned = ctx.people.get(name.toLowerCase()) ?? ctx.people.get(doc.lower[nameToks[nameToks.length - 1]]);
      if (learned) { country ??= learned.country; sector ??= learned.sector; if (learned.code.startsWith('IGO')) igo ??= learned.code.slice(0, 6); }
    }
    // "its troops", "their forces": the country comes from the possessive pronoun's referent.
    if (!country && !igo && c.possPron >= 0) {
      const w = doc.lower[c.possPron];
      const ref = w === 'his' || w === 'her' ? lastPerson(ctx, current, null) : lastThing(ctx, current, null);
      if (ref?.[0]) { country = ref[0].country; sector ??= ref[0].sector; }
    }
    // "the spokesman", "the Vice President": a definite role already named in the article.
    // (A bare title in capitals mid-sentence is definite too: "the Vice President and Prime Minister".)
    const definite = /^(the|this)$/.test(doc.lower[c.start]) || (doc.cap[c.start] === 1 && c.start > doc.sentStart[Math.max(0, s)] && doc.lower[c.start - 1] === 'and');
    if (!country && !igo && !name && kind === 'person' && roles.length && definite) {
      const earlier = lastWithRole(ctx, current, roles[roles.length - 1]);
      if (earlier) return makeMention(c.start, c.end, s, [actorAs(earlier, text)], 'person', true, null, roles);
    }
    if (agents.some((a) => a.agentKind === 'person' && a.sector === null) && !sector) sector = 'GOV'; // "counterpart"
    // Role words without a country belong to the country the story is about.
    // (Also for titled people named without a country: "President Museveni" in a story about Uganda.)
    if (!country && !igo && sector && agents.length) country = ctx.home;
    // "Jacques Chirac, who served as President of France," / "Ana Ruiz, Chile's foreign minister,":
    // an unknown name followed by its role in apposition is that role's actor.
    if (!country && !igo && !sector && name && c.atoms.length === 0 && this.atomsOf) {
      const role = this.appositiveRole(doc, c.end, doc.sentEnd[s], ctx, current);
      if (role) {
        const actor = makeActor(text, role.country, role.sector, name);
        learnPerson(ctx, name, actor);
        return makeMention(c.start, c.end, s, [actor], 'person', false, null, []);
      }
    }
    // A capitalised word alone ("July", "Tuesday") is an actor only once the article has named it as one.
    if (!country && !igo && !sector) return null;
    const actor = makeActor(text, country, sector, name, igo);
    if (name && kind === 'person' && (country || sector)) learnPerson(ctx, name, actor);
    // "Turkish and Greek officials": one actor per coordinated nationality.
    let hasAnd = false;
    for (let k = c.start; k < c.end; k++) if (doc.lower[k] === 'and') hasAnd = true;
    if (hasAnd && !name) {
      const nations = dedupeCountries(c.atoms.filter((a) => a.entry.kind === 'adj' || a.entry.kind === 'country').map((a) => makeActor(text, a.entry.country, sector, null)));
      if (nations.length > 1) return makeMention(c.start, c.end, s, nations, 'pair', false, null, roles);
    }
    return makeMention(c.start, c.end, s, [actor], kind, false, null, roles);
  }
}

const WH_WORDS = new Set(['which', 'what', 'whose', 'whatever', 'whichever']);
const STATE_SECTORS = new Set(['', 'GOV', 'MIL', 'COP', 'LEG', 'JUD', 'SPY']);
const GENERIC_HEADS = new Set(['group', 'movement', 'organization', 'organisation', 'coalition', 'faction', 'network', 'wing', 'member',
  'unit', 'body', 'front', 'cell', 'branch', 'camp', 'bloc', 'alliance', 'party', 'squad', 'team', 'delegation', 'office', 'leadership', 'command']);
const QUANTITY_HEADS = new Set(['thousand', 'thousands', 'hundred', 'hundreds', 'dozen', 'dozens', 'ten', 'tens', 'million', 'millions', 'score', 'scores',
  'group', 'member', 'some', 'many', 'most', 'majority', 'number', 'one', 'two', 'three', 'four', 'five', 'several', 'all', 'none', 'few', 'part', 'unit', 'contingent', 'delegation', 'team', 'band', 'crowd']);

/**
 * "Thousands of Iraqi Kurds", "a group of refugees", "members of the opposition": the quantity is
 * not the actor; the mention after "of" is, and it takes the quantity's place in the clause.
 */
function liftQuantity(doc: TextDoc, m: Mention, from: number): void {
  const q = m.start - 2;
  if (q < from || !QUANTITY_HEADS.has(doc.lemma[q]) && !QUANTITY_HEADS.has(doc.lower[q]) && doc.pos[q] !== 'NUM') return;
  let k = q;
  while (k - 1 >= from && (doc.pos[k - 1] === 'DET' || doc.pos[k - 1] === 'NUM' || doc.pos[k - 1] === 'ADJ' || /^(up|to|about|around|nearly|over|some|of)$/.test(doc.lower[k - 1]))) {
    if (doc.lower[k - 1] === 'of' && !(k - 2 >= from && QUANTITY_HEADS.has(doc.lower[k - 2]))) break;
    k--;
  }
  m.prep = prepBefore(doc, k, from);
  if (m.prep === 'to' && doc.lower[k] !== 'to' && /^(up)$/.test(doc.lower[k - 2] ?? '')) m.prep = null;
}

const SUBORDINATING = new Set(['after', 'before', 'since', 'until', 'as', 'because', 'while', 'when', 'once', 'if', 'unless', 'though', 'although']);

function followedByVerb(doc: TextDoc, k: number, to: number): boolean {
  while (k < to && (doc.pos[k] === 'ADV' || doc.pos[k] === 'AUX' || doc.pos[k] === 'PART')) k++;
  return k < to && doc.pos[k] === 'VERB';
}

const PLACE_PREPS = new Set(['in', 'of', 'from', 'throughout', 'across']);

/**
 * "Security forces in Guinea", "rebels of the Ivory Coast": a role-only actor followed by a place
 * preposition and a country takes that country (replacing the article's default).
 */
function attachPlaceModifiers(doc: TextDoc, ms: Mention[], ctx: ArticleContext): void {
  for (let k = 0; k + 1 < ms.length; k++) {
    const m = ms[k];
    const next = ms[k + 1];
    if (m.members.length !== 1 || m.kind === 'country' || m.anaphor || (!m.members[0].sector && m.kind !== 'group') || m.members[0].name) continue;
    if (next.start !== m.end + 1 || !next.prep || !PLACE_PREPS.has(next.prep) || next.members.length !== 1) continue;
    const a = m.members[0];
    const place = next.members[0];
    if (!place.country || place.sector && place.sector !== 'GOV') continue;
    // (A people's own country gives way too: "the Albanians of southern Serbia".)
    if (a.country && a.country !== ctx.home && m.kind !== 'group') continue;
    m.members = [makeActor(a.text, place.country, a.sector, a.name, place.code.startsWith('IGO') ? place.code.slice(0, 6) : null)];
  }
}

const AT_PLACE = new Set(['in', 'at', 'near', 'across', 'throughout', 'inside', 'outside']);

/**
 * "Serbia lifted a curfew in Montenegro where 28 people were killed": role words with no country
 * (and no country for the story) take the country of the place named in their sentence.
 */
function placeCountryForRoles(ms: Mention[]): void {
  const place = ms.find((p) => p.prep && AT_PLACE.has(p.prep) && p.members.length === 1 && p.members[0].country && !p.members[0].code.startsWith('IGO') &&
    (!p.members[0].sector || p.members[0].sector === 'GOV'));
  if (!place) return;
  const country = place.members[0].country;
  for (const m of ms) {
    if (m === place || m.anaphor || m.members.length !== 1) continue;
    const a = m.members[0];
    if (a.country || !a.sector || a.name || a.code.startsWith('IGO')) continue;
    m.members = [makeActor(a.text, country, a.sector, a.name)];
  }
}

function POSSESSIVE_FOLLOWS(doc: TextDoc, i: number): boolean {
  // "her" before a noun is a possessive determiner, not an object pronoun.
  return doc.lower[i] === 'her' && i + 1 < doc.n && (doc.pos[i + 1] === 'NOUN' || doc.pos[i + 1] === 'ADJ');
}

function groupWordBefore(doc: TextDoc, from: number, j: number): boolean {
  for (let k = j - 1; k >= from && k >= j - 4; k--) {
    const w = doc.lower[k];
    if (w === 'both' || w === 'two' || w === 'sides' || ((w === 'the' || w === 'these') && k === from && /s$/.test(doc.lower[j]))) return true;
  }
  return false;
}

function prepBefore(doc: TextDoc, i: number, from: number): string | null {
  const k = i - 1;
  if (k < from) return null;
  // "up to 100 protesters", "some 500 workers": a number's "to" is no preposition.
  if (doc.lower[k] === 'to' && k - 1 >= from && doc.lower[k - 1] === 'up') return null;
  if (doc.pos[k] === 'ADP' || doc.lower[k] === 'between' || doc.lower[k] === 'to') return doc.lower[k];
  return null;
}

/** The subject of the clause so far: the last mention that is neither in a prepositional phrase nor a verb's object. */
function nearestSubject(doc: TextDoc, current: Mention[]): Mention | null {
  for (let k = current.length - 1; k >= 0; k--) {
    const m = current[k];
    if (m.prep) continue;
    let b = m.start - 1;
    while (b >= 0 && (doc.pos[b] === 'ADV' || doc.pos[b] === 'PART')) b--;
    // ("Azerbaijan said Armenian forces ...": after a reporting verb comes the reported clause's subject.)
    if (b >= 0 && doc.pos[b] === 'VERB' && !SPEECH_VERBS.has(doc.lemma[b])) continue;
    return m;
  }
  return null;
}

function allMentions(ctx: ArticleContext, current: Mention[]): Mention[] {
  return current.length ? [...ctx.history.slice(-40), ...current] : ctx.history.slice(-40);
}

function lastPerson(ctx: ArticleContext, current: Mention[], exclude: Mention | null): ActorRef[] | null {
  const all = allMentions(ctx, current);
  for (let k = all.length - 1; k >= 0; k--) {
    const m = all[k];
    if (m === exclude || m.kind !== 'person' || m.members.length !== 1) continue;
    if (exclude && exclude.members[0] && sameActor(exclude.members[0], m.members[0])) continue;
    return m.members;
  }
  return null;
}

function lastWithRole(ctx: ArticleContext, current: Mention[], role: string): ActorRef | null {
  const all = allMentions(ctx, current);
  for (let k = all.length - 1; k >= 0; k--) {
    const m = all[k];
    if (m.members.length === 1 && m.roles.includes(role) && m.members[0].country) return m.members[0];
  }
  return null;
}

function lastThing(ctx: ArticleContext, current: Mention[], exclude: Mention | null): ActorRef[] | null {
  const all = allMentions(ctx, current);
  for (let k = all.length - 1; k >= 0; k--) {
    const m = all[k];
    if (m === exclude || m.kind === 'person' || m.members.length !== 1) continue;
    if (exclude && exclude.members[0] && sameActor(exclude.members[0], m.members[0])) continue;
    if (!m.members[0].country || m.prep === 'in' || m.prep === 'at') continue;
    return m.members;
  }
  return null;
}

function lastPlural(ctx: ArticleContext, current: Mention[]): ActorRef[] | null {
  const all = allMentions(ctx, current);
  for (let k = all.length - 1; k >= 0; k--) {
    const m = all[k];
    if (m.members.length > 1 || m.kind === 'group') return m.members;
  }
  return null;
}

/**
 * "both sides", "the two countries", "the leaders": a compound written in this or the previous
 * sentence ("between A and B"), else the two most recent distinct actors (people for "the leaders").
 */
function groupMembers(doc: TextDoc, c: Chunk, ctx: ArticleContext, current: Mention[], s: number): ActorRef[] | null {
  let personal = false;
  for (let k = c.start; k < c.end; k++) if (PERSON_GROUP_NOUNS.has(doc.lemma[k])) personal = true;
  const all = allMentions(ctx, current);
  for (let k = all.length - 1; k >= 0 && all[k].sent >= s - 1; k--) {
    const m = all[k];
    if (m.members.length < 2 || (personal && m.kind !== 'person')) continue;
    const distinct = dedupeCountries(m.members);
    if (distinct.length >= 2) return personal ? distinct : distinct.map(countryOnly);
  }
  const picked: ActorRef[] = [];
  for (let k = all.length - 1; k >= 0 && picked.length < 2; k--) {
    const m = all[k];
    if (personal && m.kind !== 'person') continue;
    for (const a of m.members) {
      // "the two nations" are states: news agencies, firms or civilians do not stand for them.
      if (!a.country || picked.some((p) => p.country === a.country) || !STATE_SECTORS.has(a.sector ?? '')) continue;
      picked.push(personal ? a : countryOnly(a));
    }
  }
  if (picked.length === 2) return picked.reverse();
  return ctx.lastPair;
}

function countryOnly(a: ActorRef): ActorRef {
  return makeActor(a.text, a.country, null, null, a.code.startsWith('IGO') ? a.code : null);
}

function dedupeCountries(list: ActorRef[]): ActorRef[] {
  const out: ActorRef[] = [];
  for (const a of list) if (a.country && !out.some((o) => o.country === a.country)) out.push(a);
  return out;
}

export function sameActor(a: ActorRef, b: ActorRef): boolean {
  return a.code === b.code && a.name === b.name;
}

/** "A and B", "A, B and C", "between A and B" -> one mention whose members are all of them. */
function joinCompounds(doc: TextDoc, ms: Mention[], ctx: ArticleContext, from: number): Mention[] {
  const out: Mention[] = [];
  for (let k = 0; k < ms.length; k++) {
    let m = ms[k];
    // A list "A, B and C" must end in "and": "With Bayramov, Abdollahian ..." is no list.
    let last = k;
    while (last + 1 < ms.length && separator(doc, ms[last].end, ms[last + 1].start) !== null && !clauseJoin(doc, ms[last], ms[last + 1], from)) last++;
    // (An element already joined by "and" closes the list: "A, B and C" arrives as A, [B and C].)
    while (last > k && separator(doc, ms[last - 1].end, ms[last].start) !== 'and' && ms[last].members.length < 2) last--;
    for (let x = k + 1; x <= last; x++) m = conjoin(m, ms[x]);
    k = last;
    if (m.members.length > 1) {
      const distinct = dedupeCountries(m.members);
      if (distinct.length >= 2) ctx.lastPair = distinct.map(countryOnly);
    }
    out.push(m);
  }
  return out;
}

/**
 * "Russia's invasion of Ukraine, and the Vice President recognized ...": ", and" before a new subject
 * joins clauses, not actors (the first is inside a prepositional phrase, the second is not).
 */
function clauseJoin(doc: TextDoc, prev: Mention, next: Mention, from: number): boolean {
  if (doc.value[prev.end] !== ',') return false;
  return prepBefore(doc, prev.start, from) !== null && prepBefore(doc, next.start, from) === null;
}

function conjoin(m: Mention, next: Mention): Mention {
  return makeMention(m.start, next.end, m.sent, [...m.members, ...next.members],
    m.kind === next.kind && m.kind === 'person' ? 'person' : 'pair', m.anaphor || next.anaphor, m.prep, [...m.roles, ...next.roles]);
}

/** What joins two neighbouring mentions: 'and' (", and" too), ',' or nothing (null). */
function separator(doc: TextDoc, end: number, start: number): 'and' | ',' | null {
  const gap = start - end;
  if (gap === 1 && doc.lower[end] === 'and') return 'and';
  if (gap === 1 && doc.value[end] === ',') return ',';
  if (gap === 2 && doc.value[end] === ',' && doc.lower[end + 1] === 'and') return 'and';
  return null;
}
