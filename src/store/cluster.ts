/**
 * Deduplication: when two event mentions are the same real-world event, and what an event is made
 * of. The rule (README "Store and queries"): same source and target actors (country + sector), same
 * CAMEO root, dates compatible (same day give or take one, or overlapping month/year), locations
 * compatible (same country; cities at most MAX_KM apart); among several compatible events the
 * nearest in time (chooseEvent: a month or year date never picks one of several). Every decision
 * comes with a sentence that says why, stored on the mention and shown by `dyad events show`.
 */
import type { CodedEvent, LocationRef } from '../pipeline/types.js';
import { gapDays, parseDay, publishedSpan, windowFor, writtenSpan, KIND_RANK, type DateKind, type DateSpan } from './days.js';

/** Two city-level places further apart than this are different events. */
export const MAX_KM = 100;

/** The coder's `date_basis` (added with the time stage): "published" when it fell back to the publication day. */
function dateBasis(e: CodedEvent): string | null {
  const b = (e as { date_basis?: unknown }).date_basis;
  return typeof b === 'string' ? b : null;
}

/**
 * The days a mention can refer to: the date the coder read from the text, else (for current news)
 * the publication day; null for a historical mention with no date or an article with no date at all.
 */
export function mentionSpan(e: CodedEvent, publishedDay: number | null): DateSpan | null {
  if (e.date) {
    if (dateBasis(e)?.startsWith('published')) {
      const d = parseDay(e.date);
      if (d !== null) return publishedSpan(d);
    }
    const s = writtenSpan(e.date, e.date_precision);
    if (s) return s;
  }
  if (e.historical === true || publishedDay === null) return null;
  return publishedSpan(publishedDay);
}

function describeSpan(s: DateSpan | null): string {
  if (!s) return 'no date';
  return s.kind === 'published' ? `${s.label} (publication day)` : `${s.label} (${s.kind})`;
}

const PRECISION_RANK: Record<LocationRef['precision'], number> = { city: 4, admin1: 3, region: 2, country: 1 };

/** Great-circle distance in km. */
export function distanceKm(aLat: number, aLon: number, bLat: number, bLon: number): number {
  const r = Math.PI / 180;
  const dLat = (bLat - aLat) * r;
  const dLon = (bLon - aLon) * r;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(aLat * r) * Math.cos(bLat * r) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(h)));
}

function placeLabel(l: LocationRef): string {
  return l.country && l.country !== l.name ? `${l.name}, ${l.country}` : l.name;
}

/** Whether two places can be the scene of one event; `why` says how they compare. */
export function locationsCompatible(a: LocationRef | null, b: LocationRef | null): { ok: boolean; why: string } {
  if (!a || !b) return { ok: true, why: a || b ? `only one report names a place (${placeLabel((a ?? b)!)})` : 'no place named' };
  if (a.country && b.country && a.country !== b.country) return { ok: false, why: `${placeLabel(a)} and ${placeLabel(b)} are in different countries` };
  if (!a.country && !b.country && a.name !== b.name) return { ok: false, why: `${a.name} and ${b.name} are different regions` };
  if (a.precision === 'city' && b.precision === 'city' && a.lat !== null && a.lon !== null && b.lat !== null && b.lon !== null) {
    const km = distanceKm(a.lat, a.lon, b.lat, b.lon);
    if (km > MAX_KM) return { ok: false, why: `${placeLabel(a)} and ${placeLabel(b)} are ${Math.round(km)} km apart (more than ${MAX_KM})` };
    return { ok: true, why: a.name === b.name ? `same place (${placeLabel(a)})` : `${placeLabel(a)} and ${placeLabel(b)} are ${Math.round(km)} km apart` };
  }
  if (a.admin1 && b.admin1 && a.country === b.country && a.admin1 !== b.admin1 && a.precision !== 'country' && b.precision !== 'country') {
    return { ok: false, why: `${placeLabel(a)} and ${placeLabel(b)} are in different provinces (${a.admin1}, ${b.admin1})` };
  }
  return { ok: true, why: `${placeLabel(a)} and ${placeLabel(b)} agree` };
}

/** What the clustering compares of an event: its key and its anchor date and place. */
export interface EventAnchor {
  id: number;
  span: DateSpan | null;
  undatedArticle: number | null;
  location: LocationRef | null;
}

export interface MatchResult {
  ok: boolean;
  /** Days between the dates (0 when they overlap); Infinity when undated. */
  gap: number;
  dateWhy: string;
  placeWhy: string;
}

/** Whether a mention (its date span, place, article) may join an event of the same key. */
export function compatible(span: DateSpan | null, loc: LocationRef | null, articleId: number, ev: EventAnchor): MatchResult {
  const place = locationsCompatible(loc, ev.location);
  let ok: boolean;
  let gap: number;
  let dateWhy: string;
  if (!span || !ev.span) {
    // Without a date a mention can only be matched inside its own article.
    ok = !span && !ev.span && ev.undatedArticle === articleId;
    gap = ok ? 0 : Infinity;
    dateWhy = ok ? 'both undated, in the same article' : `${describeSpan(span)} vs the event's ${describeSpan(ev.span)}`;
  } else {
    gap = gapDays(span, ev.span);
    const w = windowFor(span.kind, ev.span.kind);
    ok = gap <= w;
    dateWhy = `${describeSpan(span)} vs the event's ${describeSpan(ev.span)}: ${gap === 0 ? 'overlapping' : `${gap} day${gap === 1 ? '' : 's'} apart`}${ok ? '' : ` (more than ${w})`}`;
  }
  return { ok: ok && place.ok, gap, dateWhy, placeWhy: place.why };
}

export interface Fit<T> {
  event: T;
  anchor: EventAnchor;
  match: MatchResult;
}

/**
 * Which of the compatible events a mention joins. A mention dated to the day (or by its publication
 * day) joins the nearest in time, then the one dated as exactly as itself, then the oldest. A
 * mention dated only to a month or a year joins an event with that same date, or the only event that
 * fits; when several dated events fit ("in May" and three meetings in May), it cannot tell which one
 * it means and is kept apart (`ambiguous` lists them).
 */
export function chooseEvent<T>(span: DateSpan | null, fits: Fit<T>[]): { best: Fit<T> | null; ambiguous: Fit<T>[] } {
  if (fits.length === 0) return { best: null, ambiguous: [] };
  if (span && (span.kind === 'month' || span.kind === 'year')) {
    const same = fits.find((f) => f.anchor.span?.kind === span.kind && f.anchor.span.label === span.label);
    if (same) return { best: same, ambiguous: [] };
    return fits.length === 1 ? { best: fits[0], ambiguous: [] } : { best: null, ambiguous: fits };
  }
  const rank = span ? KIND_RANK[span.kind] : 0;
  const distance = (f: Fit<T>) => Math.abs((f.anchor.span ? KIND_RANK[f.anchor.span.kind] : 0) - rank);
  let best = fits[0];
  for (const f of fits.slice(1)) {
    if (f.match.gap < best.match.gap || (f.match.gap === best.match.gap && distance(f) < distance(best))) best = f;
  }
  return { best, ambiguous: [] };
}

/** One of an event's mentions with what the aggregate needs from its article. */
/** The parts of a mention's coded event that an event's aggregate is computed from. */
export type MemberRecord = Pick<CodedEvent, 'cameo' | 'plover' | 'quad_class' | 'goldstein' | 'source' | 'target' | 'location' | 'killed' | 'wounded' | 'casualties_qualifier'>;

/** Just those parts: no sentence text, trigger or trace, so that many can be kept in memory. */
export function memberRecord(e: CodedEvent): MemberRecord {
  return {
    cameo: e.cameo, plover: e.plover, quad_class: e.quad_class, goldstein: e.goldstein, source: e.source, target: e.target,
    location: e.location, killed: e.killed, wounded: e.wounded, casualties_qualifier: e.casualties_qualifier,
  };
}

export interface MemberMention {
  id: number;
  article_id: number;
  sentence: number;
  date_kind: DateKind | null;
  day_lo: number | null;
  day_hi: number | null;
  date_label: string | null;
  historical: number | null;
  record: MemberRecord;
  publisher: string;
  published: string | null;
  url: string | null;
  ext_id: string;
}

/** The event columns computed from its mentions (everything but id and the clustering key). */
export interface EventAggregate {
  day_lo: number | null;
  day_hi: number | null;
  date_kind: DateKind | null;
  undated_article: number | null;
  date: string | null;
  date_precision: string | null;
  historical: number;
  cameo: string;
  plover: string | null;
  plover_mode: string | null;
  plover_context: string | null;
  quad_class: number;
  goldstein: number;
  source_code: string | null;
  source_country: string | null;
  source_sector: string | null;
  source_name: string | null;
  target_code: string | null;
  target_country: string | null;
  target_sector: string | null;
  target_name: string | null;
  loc_name: string | null;
  loc_country: string | null;
  loc_admin1: string | null;
  loc_lat: number | null;
  loc_lon: number | null;
  loc_geonames_id: number | null;
  loc_precision: string | null;
  killed: number | null;
  wounded: number | null;
  casualties_qualifier: string | null;
  mentions: number;
  articles: number;
  sources: number;
  first_report: string | null;
  last_report: string | null;
  root_mention: number;
  root_sentence: number;
  root_url: string | null;
  root_article: string;
}

/** The most frequent value (ties: the one seen first); null when there is none. */
function mode<T>(values: (T | null | undefined)[]): T | null {
  const counts = new Map<T, number>();
  let best: T | null = null;
  let bestN = 0;
  for (const v of values) {
    if (v === null || v === undefined) continue;
    const n = (counts.get(v) ?? 0) + 1;
    counts.set(v, n);
    if (n > bestN) { best = v; bestN = n; }
  }
  return best;
}

/** The place of the anchor mention's date and the most precise place reported. */
export function anchorOf(members: MemberMention[]): { anchor: MemberMention; location: LocationRef | null } {
  let anchor = members[0];
  for (const m of members) {
    const r = m.date_kind ? KIND_RANK[m.date_kind] : 0;
    const ra = anchor.date_kind ? KIND_RANK[anchor.date_kind] : 0;
    if (r > ra) anchor = m;
  }
  let location: LocationRef | null = null;
  for (const m of members) {
    const l = m.record.location;
    if (l && (!location || PRECISION_RANK[l.precision] > PRECISION_RANK[location.precision])) location = l;
  }
  return { anchor, location };
}

/** Recomputes an event from its mentions (ordered by mention id; at least one). */
export function aggregate(members: MemberMention[]): EventAggregate {
  const { anchor, location } = anchorOf(members);
  const cameo = mode(members.map((m) => m.record.cameo))!;
  const typical = members.find((m) => m.record.cameo === cameo)!.record;
  let killed: number | null = null;
  let wounded: number | null = null;
  let qualifier: string | null = null;
  for (const m of members) {
    const r = m.record;
    if (r.killed !== null && r.killed !== undefined && (killed === null || r.killed > killed)) { killed = r.killed; qualifier = r.casualties_qualifier ?? null; }
    if (r.wounded !== null && r.wounded !== undefined && (wounded === null || r.wounded > wounded)) wounded = r.wounded;
  }
  // The root report: the earliest published article, then the first stored mention.
  let root = members[0];
  for (const m of members) if (m.published && (!root.published || m.published < root.published)) root = m;
  const published = members.map((m) => m.published).filter((p): p is string => !!p).sort();
  const side = (k: 'source' | 'target') => {
    const code = mode(members.map((m) => m.record[k]?.code || null));
    const ref = members.map((m) => m.record[k]).find((a) => a && (a.code || null) === code) ?? members.map((m) => m.record[k]).find((a) => a) ?? null;
    const names = members.map((m) => m.record[k]?.name ?? null);
    // The most frequent name; a longer spelling of the same name wins a tie ("Jeyhun Bayramov" over "Bayramov").
    let name = mode(names);
    if (name) for (const n of names) if (n && n.length > name.length && n.endsWith(name) && names.filter((x) => x === n).length >= names.filter((x) => x === name).length) name = n;
    return { code, country: ref?.country ?? null, sector: ref?.sector ?? null, name };
  };
  const src = side('source');
  const tgt = side('target');
  const historicalAll = members.every((m) => m.historical === 1);
  return {
    day_lo: anchor.day_lo,
    day_hi: anchor.day_hi,
    date_kind: anchor.date_kind,
    undated_article: anchor.date_kind ? null : anchor.article_id,
    date: anchor.date_label,
    date_precision: anchor.date_kind === 'published' ? 'day' : anchor.date_kind,
    historical: historicalAll ? 1 : 0,
    cameo,
    plover: typical.plover.event,
    plover_mode: typical.plover.mode,
    plover_context: typical.plover.context,
    quad_class: typical.quad_class,
    goldstein: typical.goldstein,
    source_code: src.code, source_country: src.country, source_sector: src.sector, source_name: src.name,
    target_code: tgt.code, target_country: tgt.country, target_sector: tgt.sector, target_name: tgt.name,
    loc_name: location?.name ?? null,
    loc_country: location?.country ?? null,
    loc_admin1: location?.admin1 ?? null,
    loc_lat: location?.lat ?? null,
    loc_lon: location?.lon ?? null,
    loc_geonames_id: location?.geonames_id ?? null,
    loc_precision: location?.precision ?? null,
    killed, wounded, casualties_qualifier: killed !== null ? qualifier : null,
    mentions: members.length,
    articles: new Set(members.map((m) => m.article_id)).size,
    sources: new Set(members.map((m) => m.publisher)).size,
    first_report: published[0] ?? null,
    last_report: published.at(-1) ?? null,
    root_mention: root.id,
    root_sentence: root.sentence,
    root_url: root.url,
    root_article: root.ext_id,
  };
}

/** The event's anchor as the clustering sees it, from its stored columns. */
export function anchorFromRow(row: {
  id: number; day_lo: number | null; day_hi: number | null; date_kind: string | null; date: string | null; undated_article: number | null;
  loc_name: string | null; loc_country: string | null; loc_admin1: string | null; loc_lat: number | null; loc_lon: number | null;
  loc_geonames_id: number | null; loc_precision: string | null;
}): EventAnchor {
  const span = row.date_kind && row.day_lo !== null && row.day_hi !== null
    ? { kind: row.date_kind as DateKind, lo: row.day_lo, hi: row.day_hi, label: row.date ?? '' }
    : null;
  const location = row.loc_name !== null
    ? { name: row.loc_name, country: row.loc_country, admin1: row.loc_admin1, lat: row.loc_lat, lon: row.loc_lon, geonames_id: row.loc_geonames_id, precision: (row.loc_precision ?? 'country') as LocationRef['precision'] }
    : null;
  return { id: row.id, span, undatedArticle: row.undated_article, location };
}

export function describeActors(sourceKey: string, targetKey: string): string {
  const show = (k: string) => (k === '-' ? 'none' : k.endsWith('/') ? k.slice(0, -1) || '?' : k.startsWith('/') ? `?${k}` : k);
  return `${show(sourceKey)} -> ${show(targetKey)}`;
}
