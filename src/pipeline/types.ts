/** Shared record types: the output contract of `dyad code` lives here. */

export interface Article {
  id: string;
  text: string;
  /** ISO date (YYYY-MM-DD or full timestamp) the article was published, if known. */
  published?: string | null;
  title?: string | null;
  url?: string | null;
  source?: string | null;
}

export interface ActorRef {
  /** The words in the text that name the actor (after pronoun/group resolution: the words of the mention). */
  text: string;
  /** CAMEO-style code: country/IGO code + sector, e.g. IRNGOV, ARMMIL, USA, IGOUNO. */
  code: string;
  /** ISO 3166 alpha-3, or an IGO code (UNO, EUR, NAT, IGO...); null when unknown. */
  country: string | null;
  /** Three-letter sector (GOV MIL COP REB ...) or null. */
  sector: string | null;
  /** The person or organisation named, if any. */
  name: string | null;
}

export interface Span {
  text: string;
  start: number;
  end: number;
}

export interface PloverRef {
  event: string | null;
  mode: string | null;
  context: string | null;
}

export interface LocationRef {
  /** The place as the gazetteer names it (GeoNames name, or the curated region's name). */
  name: string;
  /** ISO 3166 alpha-3 of the country the place is in; null for places spanning countries (Sahel). */
  country: string | null;
  /** First-level administrative division (province, state), by name; null when unknown. */
  admin1: string | null;
  lat: number | null;
  lon: number | null;
  /** GeoNames id for cities; null for curated regions and countries. */
  geonames_id: number | null;
  precision: 'city' | 'admin1' | 'region' | 'country';
  /** Why the event is put here: its sentence names the place (`sentence`), the story's last placed
   * event at the same date (`episode`), the dateline (`dateline`), the story's country for an
   * event between its own actors (`story-country`), or for a statement, appeal or accusation the
   * speaker's country (`speaker-country`). Set by the pipeline. */
  basis?: 'sentence' | 'episode' | 'dateline' | 'story-country' | 'speaker-country';
}

export interface CodedEvent {
  article_id: string;
  sentence: number;
  sentence_text: string;
  trigger: Span;
  /** Lexicon entry that produced the event: "file:line" plus the pattern text. */
  rule: string;
  source: ActorRef | null;
  target: ActorRef | null;
  cameo: string;
  cameo_root: string;
  quad_class: number;
  goldstein: number;
  plover: PloverRef;
  date: string | null;
  date_precision: 'day' | 'month' | 'year' | null;
  historical: boolean | null;
  /** Where the date came from: `sentence "On July 27"`, `frame "In July" (s12)` (an earlier sentence's
   * date the story is still in), `anchor "days after" from ...`, `lead "on Tuesday"`, `published`. */
  date_basis: string | null;
  negated: boolean;
  hypothetical: boolean;
  location: LocationRef | null;
  killed: number | null;
  wounded: number | null;
  /** How exact the stated counts are: "at least", "more than", "about", "up to"; null when exact or absent. */
  casualties_qualifier: string | null;
}
