/**
 * What the store gives back: events and mentions as plain typed objects (the library API and the
 * JSONL outputs), built from table rows.
 */
import type { CodedEvent, LocationRef, PloverRef } from '../pipeline/types.js';
import type { EventAggregate } from './cluster.js';

export interface EventActor {
  code: string | null;
  country: string | null;
  sector: string | null;
  /** The person or organisation most often named for this side. */
  name: string | null;
}

/** A deduplicated event: one real-world event reported by one or more mentions. */
export interface EventRecord {
  id: number;
  /** YYYY-MM-DD, YYYY-MM or YYYY; null when no report dates it. */
  date: string | null;
  date_precision: 'day' | 'month' | 'year' | null;
  /** 'text' when a report states the date, 'published' when it is the publication day of a report. */
  date_basis: 'text' | 'published' | null;
  /** Every report mentions it as background (more than 30 days before its publication). */
  historical: boolean;
  source: EventActor | null;
  target: EventActor | null;
  cameo: string;
  cameo_root: string;
  /** Three-digit CAMEO base code (GDELT's EventBaseCode). */
  cameo_base: string;
  quad_class: number;
  goldstein: number;
  plover: PloverRef;
  location: LocationRef | null;
  killed: number | null;
  wounded: number | null;
  casualties_qualifier: string | null;
  /** Mentions (one per article sentence and actor pair), distinct articles, distinct publishers. */
  mentions: number;
  articles: number;
  sources: number;
  /** Publication dates of the earliest and latest report. */
  first_report: string | null;
  last_report: string | null;
  /** The earliest report: its article id, URL and the sentence index of the mention. */
  root: { article: string; url: string | null; sentence: number };
}

/** What a store holds (dyad serve's /api/meta). */
export interface StoreCounts {
  articles: number;
  /** Older versions of a URL kept so re-ingesting them is a no-op. */
  superseded: number;
  sentences: number;
  mentions: number;
  events: number;
  /** Distinct people with at least one sighting. */
  people: number;
}

/** One stored mention with its article, as `dyad events show` lists them. */
export interface MentionRecord {
  id: number;
  event_id: number | null;
  /** Why the mention joined its event, started a new one, or stayed out. */
  note: string;
  article: { id: number; ext_id: string; publisher: string; published: string | null; url: string | null; title: string | null };
  /** The coder's record, as `dyad code` prints it. */
  event: CodedEvent;
}

export interface EventDetail extends EventRecord {
  mention_list: MentionRecord[];
}

/** An events table row (all columns). */
export interface EventRow extends Omit<EventAggregate, 'date_kind' | 'undated_article'> {
  id: number;
  source_key: string;
  target_key: string;
  cameo_root: string;
  date_kind: string | null;
}

export function cameoBase(cameo: string): string {
  return cameo.length > 3 ? cameo.slice(0, 3) : cameo;
}

export function eventRecord(r: EventRow): EventRecord {
  const actor = (key: string, code: string | null, country: string | null, sector: string | null, name: string | null): EventActor | null =>
    key === '-' ? null : { code, country, sector, name };
  return {
    id: r.id,
    date: r.date,
    date_precision: (r.date_precision as EventRecord['date_precision']) ?? null,
    date_basis: r.date_kind === null ? null : r.date_kind === 'published' ? 'published' : 'text',
    historical: r.historical === 1,
    source: actor(r.source_key, r.source_code, r.source_country, r.source_sector, r.source_name),
    target: actor(r.target_key, r.target_code, r.target_country, r.target_sector, r.target_name),
    cameo: r.cameo,
    cameo_root: r.cameo_root,
    cameo_base: cameoBase(r.cameo),
    quad_class: r.quad_class,
    goldstein: r.goldstein,
    plover: { event: r.plover, mode: r.plover_mode, context: r.plover_context },
    location: r.loc_name === null ? null : {
      name: r.loc_name, country: r.loc_country, admin1: r.loc_admin1, lat: r.loc_lat, lon: r.loc_lon,
      geonames_id: r.loc_geonames_id, precision: (r.loc_precision ?? 'country') as LocationRef['precision'],
    },
    killed: r.killed,
    wounded: r.wounded,
    casualties_qualifier: r.casualties_qualifier,
    mentions: r.mentions,
    articles: r.articles,
    sources: r.sources,
    first_report: r.first_report,
    last_report: r.last_report,
    root: { article: r.root_article, url: r.root_url, sentence: r.root_sentence },
  };
}
