/** The shapes of the API's answers (src/server/queries.ts and the store's records), as the page reads them. */

export interface Actor {
  code: string | null;
  country: string | null;
  sector: string | null;
  name: string | null;
}

export interface Location {
  name: string;
  country: string | null;
  admin1: string | null;
  lat: number | null;
  lon: number | null;
  precision: string;
  /** Coded records only: why the event is put there (sentence, episode, dateline, story-country, speaker-country). */
  basis?: string;
}

export interface EventItem {
  id: number;
  date: string | null;
  date_precision: string | null;
  historical: boolean;
  source: Actor | null;
  target: Actor | null;
  cameo: string;
  quad_class: number;
  goldstein: number;
  plover: { event: string | null; mode: string | null; context: string | null };
  location: Location | null;
  killed: number | null;
  wounded: number | null;
  casualties_qualifier: string | null;
  mentions: number;
  articles: number;
  sources: number;
  root: { article: string; url: string | null; sentence: number };
  trigger?: string | null;
}

export interface EventPage {
  total: number;
  offset: number;
  limit: number;
  events: EventItem[];
}

/** A coded event record as `dyad code` prints it. */
export interface CodedEvent {
  article_id: string;
  sentence: number;
  sentence_text: string;
  trigger: { text: string; start: number; end: number };
  rule: string;
  source: (Actor & { text: string }) | null;
  target: (Actor & { text: string }) | null;
  cameo: string;
  quad_class: number;
  goldstein: number;
  plover: { event: string | null; mode: string | null; context: string | null };
  date: string | null;
  date_precision: string | null;
  historical: boolean | null;
  date_basis: string | null;
  negated: boolean;
  hypothetical: boolean;
  location: Location | null;
  killed: number | null;
  wounded: number | null;
}

export interface MentionRecord {
  id: number;
  event_id: number | null;
  note: string;
  article: { id: number; ext_id: string; publisher: string; published: string | null; url: string | null; title: string | null };
  event: CodedEvent;
  /** Offset of the trigger in sentence_text (GET /api/events/:id only). */
  trigger_in_sentence?: number | null;
}

export interface EventDetail extends EventItem {
  mention_list: MentionRecord[];
}

export interface SeriesBucket {
  period: string;
  start: string;
  end: string;
  events: number;
  from_a: number;
  by_quad: [number, number, number, number];
  by_type: Record<string, number>;
  goldstein_mean: number | null;
  imprecise: number;
}

export interface Series {
  a: string;
  b: string;
  a_name: string | null;
  b_name: string | null;
  direction: string;
  interval: 'day' | 'week' | 'month';
  total: number;
  undated: number;
  historical_hidden: number;
  buckets: SeriesBucket[];
}

export interface DyadStat {
  a: string;
  b: string;
  a_name: string | null;
  b_name: string | null;
  events: number;
  a_to_b: number;
  b_to_a: number;
  goldstein_mean: number;
  by_quad: [number, number, number, number];
}

export interface Network {
  level: 'country' | 'code';
  nodes: { id: string; name: string | null; events: number }[];
  edges: DyadStat[];
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
  top_type: string;
  goldstein_mean: number;
}

export interface Places {
  total: number;
  located: number;
  unlocated: number;
  places: Place[];
  countries: { country: string; name: string | null; numeric: string | null; events: number }[];
}

export interface Actors {
  countries: { code: string; name: string | null; kind: string; events: number }[];
  codes: { code: string; country: string | null; country_name: string | null; kind: string; events: number; names: string[] }[];
  people: { name: string; code: string; role: string | null; from: string | null; to: string | null }[];
}

export interface ArticleSummary {
  id: number;
  ext_id: string;
  title: string | null;
  publisher: string;
  published: string | null;
  url: string | null;
  mentions: number;
  events: number;
}

export interface Annotation {
  kind: 'trigger' | 'source' | 'target' | 'date';
  start: number;
  end: number;
  text: string;
  label: string;
  rule: string;
  mentions: number[];
}

export interface ArticleDetail {
  article: { id: number; ext_id: string; title: string | null; publisher: string; published: string | null; url: string | null; source: string | null; text: string; superseded_by: number | null };
  mentions: { id: number; event_id: number | null; note: string; event: CodedEvent }[];
  annotations: Annotation[];
  segments: { start: number; end: number; marks: number[] }[];
}

export interface Meta {
  database: string;
  counts: { articles: number; events: number; mentions: number; sentences: number; people: number };
  first_day: string | null;
  last_day: string | null;
  types: { type: string; events: number }[];
  post_articles: boolean;
}
