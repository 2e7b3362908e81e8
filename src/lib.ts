/**
 * The package entry point (`import { openStore, createCoder } from 'dyad'`): the coder (src/index.ts)
 * and the event store with its typed queries, ingest and exports.
 */
export * from './index.js';
export { openStore, Store, StoreError, defaultOverridesPath, learnedPeople } from './store/store.js';
export type { OpenOptions, StoreCounts, PeopleQuery } from './store/store.js';
export type { EventFilter } from './store/query.js';
export { FilterError } from './store/query.js';
export type { EventRecord, EventActor, EventDetail, MentionRecord } from './store/records.js';
export type { PersonRow, LearnedPerson } from './store/people.js';
export { coversDay } from './store/people.js';
export { ingest, recode } from './store/ingest.js';
export type { IngestOptions, IngestSummary, RecodeOptions, RecodeSummary } from './store/ingest.js';
export { exportEvents, EXPORT_FORMATS } from './store/export/index.js';
export type { ExportFormat, ExportOptions, ExportResult } from './store/export/index.js';
export { readInputs } from './io/readers/index.js';
export type { InputItem } from './io/readers/index.js';
