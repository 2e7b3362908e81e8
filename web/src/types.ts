/**
 * The shapes of the API's answers, as the server declares them: src/server/api-types.ts (the routes'
 * answers), the store's records and the coder's output contract. Type-only imports: nothing of the
 * server is bundled, and the page cannot drift from what the server sends.
 */
export type { CodedEvent, LocationRef as Location } from '../../src/pipeline/types.js';
export type { EventActor as Actor } from '../../src/store/records.js';
export type {
  EventListItem as EventItem, EventPage, EventWithMentions as EventDetail, LocatedMention as MentionRecord, SeriesBucket, DyadSeries as Series, DyadStat, Network,
  Place, Places, Actors, ArticleSummary, Annotation, ArticleDetail, Meta,
} from '../../src/server/api-types.js';
