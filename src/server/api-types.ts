/**
 * The shapes of the API's answers: plain types with no runtime code, shared by the server (which
 * builds them) and the dashboard in web/ (which reads them), so the two cannot drift apart.
 */
import type { EventDetail, EventRecord, MentionRecord, StoreCounts } from '../store/records.js';
import type { CodedEvent } from '../pipeline/types.js';
import type { Interval } from './periods.js';

export type EventSort = 'date' | '-date' | 'goldstein' | '-goldstein' | 'mentions' | '-mentions';

/** An event as listed: the stored record and the trigger words of its earliest report. */
export interface EventListItem extends EventRecord {
  trigger: string | null;
}

export interface EventPage {
  total: number;
  offset: number;
  limit: number;
  events: EventListItem[];
}

export interface SeriesBucket {
  period: string;
  start: string;
  end: string;
  events: number;
  /** Events with the first actor (a) as source. */
  from_a: number;
  /** Counts per quad class: [verbal cooperation, material cooperation, verbal conflict, material conflict]. */
  by_quad: [number, number, number, number];
  by_type: Record<string, number>;
  /** Mean Goldstein score of the bucket's events; null for an empty bucket. */
  goldstein_mean: number | null;
  /** Events dated more coarsely than the interval (a month in a daily series), counted at the start of their span. */
  imprecise: number;
}

export interface Series {
  interval: Interval;
  /** Events in the series, events matching but undated, and background (historical) events left out by the filter. */
  total: number;
  undated: number;
  buckets: SeriesBucket[];
}

export type ActorLevel = 'country' | 'code';

export interface DyadStat {
  /** The pair's two actors (undirected: in alphabetical order; directed: source, target). */
  a: string;
  b: string;
  a_name: string | null;
  b_name: string | null;
  events: number;
  /** Events with a as source (equals events for directed pairs). */
  a_to_b: number;
  b_to_a: number;
  goldstein_mean: number;
  by_quad: [number, number, number, number];
}

export interface NetworkNode {
  id: string;
  name: string | null;
  /** Events on the edges shown that involve this actor. */
  events: number;
}

export interface Network {
  level: ActorLevel;
  nodes: NetworkNode[];
  edges: DyadStat[];
  /** Pairs left out because of max_edges. */
  more_edges: boolean;
}

export interface Place {
  name: string;
  country: string | null;
  admin1: string | null;
  lat: number;
  lon: number;
  precision: string | null;
  events: number;
  by_type: Record<string, number>;
  /** The most frequent PLOVER type (ties: alphabetical). */
  top_type: string;
  goldstein_mean: number;
}

export interface CountryCount {
  country: string;
  name: string | null;
  /** ISO 3166 numeric (the world-atlas feature id), null for codes that are not countries. */
  numeric: string | null;
  events: number;
}

export interface Places {
  /** Events matching the filters; with a place that has coordinates; with no place at all. */
  total: number;
  located: number;
  unlocated: number;
  places: Place[];
  countries: CountryCount[];
}

export interface ActorStat {
  code: string;
  country: string | null;
  sector: string | null;
  /** 'country' (an ISO 3166 country, any sector), 'organisation' (IGOs and NGOs), 'other' (no country). */
  kind: 'country' | 'organisation' | 'other';
  /** The country's or organisation's name. */
  country_name: string | null;
  events: number;
  as_source: number;
  as_target: number;
  /** People and organisations named for this code, most frequent first (at most three). */
  names: string[];
}

export interface CountryStat {
  code: string;
  name: string | null;
  kind: 'country' | 'organisation' | 'other';
  events: number;
}

export interface ArticleSummary {
  id: number;
  ext_id: string;
  title: string | null;
  publisher: string;
  published: string | null;
  url: string | null;
  /** Event mentions coded in it, and the distinct events they belong to. */
  mentions: number;
  events: number;
}

export interface ArticleRow extends Omit<ArticleSummary, 'mentions' | 'events'> {
  source: string | null;
  text: string;
  /** The later version of the same URL that replaced this one, if any. */
  superseded_by: number | null;
}

export interface StoreSummary {
  first_day: string | null;
  last_day: string | null;
  /** PLOVER event types present, most frequent first (statements as STATEMENT). */
  types: { type: string; events: number }[];
}

export type AnnotationKind = 'trigger' | 'source' | 'target' | 'date';

export interface Annotation {
  kind: AnnotationKind;
  start: number;
  end: number;
  /** The words annotated. */
  text: string;
  /** What was coded: the event type and CAMEO code, the actor code, the date. */
  label: string;
  /** What produced it: the lexicon rule and role reading, or for dates where the date came from. */
  rule: string;
  /** Indexes of the mentions (in the list given) this annotation belongs to. */
  mentions: number[];
}

export interface Segment {
  start: number;
  end: number;
  /** Indexes of the annotations covering the segment (none for plain text). */
  marks: number[];
}

/* ------------------------------------------------------ route answers */

/** GET /api/dyad: the series of a pair, and how many background events the filter leaves out. */
export interface DyadSeries extends Series {
  a: string;
  b: string;
  a_name: string | null;
  b_name: string | null;
  direction: string;
  match: string;
  historical_hidden: number;
}

/** A mention as GET /api/events/:id lists it: with where its trigger sits in its sentence (null: not found). */
export interface LocatedMention extends MentionRecord {
  trigger_in_sentence: number | null;
}

/** GET /api/events/:id: the event with its mentions. */
export interface EventWithMentions extends Omit<EventDetail, 'mention_list'> {
  mention_list: LocatedMention[];
}

/** GET /api/articles/:id: the article, its coded mentions, their annotations and the text cut at them. */
export interface ArticleDetail {
  article: ArticleRow;
  mentions: { id: number; event_id: number | null; note: string; event: CodedEvent }[];
  annotations: Annotation[];
  segments: Segment[];
}

/** GET /api/actors: countries and codes seen in events, and the people the store knows. */
export interface Actors {
  countries: CountryStat[];
  codes: ActorStat[];
  people: { name: string; code: string; role: string | null; from: string | null; to: string | null; origin: string; seen: number; last_seen: string | null }[];
}

/** GET /api/meta: what the store holds and what this server allows. */
export interface Meta extends StoreSummary {
  database: string;
  counts: StoreCounts;
  post_articles: boolean;
  body_limit: number;
}
