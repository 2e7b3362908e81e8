/**
 * Ingest and recode drivers: input items -> coder (this thread or workers) -> store, one
 * transaction per article, in input order (so an interrupted run followed by a rerun stores exactly
 * what one uninterrupted run stores). Articles already stored are skipped before coding.
 */
import type { InputItem } from '../io/readers/types.js';
import type { Article } from '../pipeline/types.js';
import { codeStream } from '../parallel/code-stream.js';
import { coderFingerprint } from './fingerprint.js';
import { RoleFinder } from './people.js';
import type { Store } from './store.js';
import type { ExtraPeople } from '../pipeline/index.js';

/**
 * People the coder should know from earlier articles: what was learned from the articles of ingest
 * runs that finished (`people_upto`, the last article id of the last finished run), plus the user's
 * overrides. An interrupted run's articles only count once a later run finishes, so a rerun after a
 * kill codes with exactly what the uninterrupted run would have had.
 */
function knownPeople(store: Store, upto: number | null): ExtraPeople {
  const strip = ({ name, code, from, to }: { name: string; code: string; from: string | null; to: string | null }) => ({ name, code, from, to });
  const overrides = store.overrideRows().filter((p) => p.code !== '-').map(strip);
  const learned = upto === null ? [] : store.people({ uptoArticle: upto }).map(strip);
  return { overrides, learned };
}

function lastArticleId(store: Store): number | null {
  const ids = store.articleIds();
  return ids.length ? ids[ids.length - 1] : null;
}

export interface IngestOptions {
  /** Worker threads (1 = code in this thread). */
  jobs?: number;
  /** Also store plain statements (CAMEO 01). Fixed when the database is created. */
  statements?: boolean;
  /** Articles per batch sent to a worker (tests and tuning). */
  batchArticles?: number;
  /** Called after every input item (progress display). */
  onProgress?: (s: IngestSummary) => void;
  /** Called for every skipped input with where it was and why. */
  onSkip?: (origin: string, reason: string) => void;
}

export interface IngestSummary {
  /** Articles read (stored, updated, already stored). */
  articles: number;
  /** New articles stored, and new versions of a stored URL. */
  stored: number;
  updated: number;
  /** Articles that were already in the store (same text and publisher, or same text and URL). */
  already: number;
  /** Sentences, mentions and new events of the articles stored in this run. */
  sentences: number;
  mentions: number;
  events: number;
  /** Mentions that joined an event already reported. */
  joined: number;
  /** Inputs that were not articles, by reason (the reason's text before " ("). */
  skipped: Record<string, number>;
}

export function newSummary(): IngestSummary {
  return { articles: 0, stored: 0, updated: 0, already: 0, sentences: 0, mentions: 0, events: 0, joined: 0, skipped: {} };
}

export class IngestError extends Error {}

/** Records (or checks) the coding options a database was created with. */
function checkStatements(store: Store, statements: boolean): void {
  const stored = store.meta('statements');
  if (stored === null) {
    store.setMeta('statements', statements ? '1' : '0');
    return;
  }
  if ((stored === '1') !== statements) {
    throw new IngestError(`${store.path} was created ${stored === '1' ? 'with' : 'without'} --statements; use the same setting or another database`);
  }
}

/** The reason's fixed phrase (readers put varying details in parentheses after it). */
export function reasonGroup(reason: string): string {
  const i = reason.indexOf(' (');
  return i > 0 ? reason.slice(0, i) : reason;
}

export async function ingest(store: Store, items: AsyncIterable<InputItem>, opts: IngestOptions = {}): Promise<IngestSummary> {
  const statements = !!opts.statements;
  checkStatements(store, statements);
  if (store.meta('created') === null) store.setMeta('created', new Date().toISOString());
  const codedWith = coderFingerprint({ statements });
  const writer = store.writer(new RoleFinder());
  const mark = store.meta('people_upto');
  const people = knownPeople(store, mark === null ? null : Number(mark));
  const s = newSummary();
  const skip = (origin: string, reason: string) => {
    const g = reasonGroup(reason);
    s.skipped[g] = (s.skipped[g] ?? 0) + 1;
    opts.onSkip?.(origin, reason);
  };

  async function* fresh(): AsyncGenerator<{ article: Article; origin: string }> {
    for await (const it of items) {
      if (it.kind === 'skip') { skip(it.origin, it.reason); opts.onProgress?.(s); continue; }
      s.articles++;
      if (writer.findStored(it.article) !== null) { s.already++; opts.onProgress?.(s); continue; }
      yield it;
    }
  }

  for await (const r of codeStream(fresh(), (it) => it.article, { jobs: opts.jobs ?? 1, statements, batchArticles: opts.batchArticles, people })) {
    const w = writer.write({ article: r.item.article, origin: r.item.origin, events: r.events, sentences: r.sentences }, codedWith);
    if (w.status === 'already stored') s.already++;
    else {
      if (w.status === 'updated') s.updated++;
      else s.stored++;
      s.sentences += r.sentences;
      s.mentions += w.mentions;
      s.events += w.newEvents;
      s.joined += w.joined;
    }
    opts.onProgress?.(s);
  }
  // The run finished: what its articles taught is known to the next run.
  const last = lastArticleId(store);
  if (last !== null) store.setMeta('people_upto', String(last));
  return s;
}

export interface RecodeOptions {
  jobs?: number;
  batchArticles?: number;
  /** Only articles coded with other lexicons or options than the current ones. */
  changed?: boolean;
  /** Only these article row ids. */
  ids?: number[];
  onProgress?: (s: RecodeSummary) => void;
}

export interface RecodeSummary {
  articles: number;
  sentences: number;
  mentions: number;
  events: number;
  joined: number;
}

/** Re-codes stored articles, replacing each one's mentions and their events in one transaction. */
export async function recode(store: Store, opts: RecodeOptions = {}): Promise<RecodeSummary> {
  const statements = store.meta('statements') === '1';
  const codedWith = coderFingerprint({ statements });
  const writer = store.writer(new RoleFinder());
  let ids = store.articleIds(opts.changed ? { codedWithout: codedWith } : {});
  if (opts.ids) {
    const want = new Set(opts.ids);
    for (const id of want) if (!store.article(id)) throw new IngestError(`${store.path}: no article with id ${id}`);
    ids = ids.filter((id) => want.has(id));
  }
  const s: RecodeSummary = { articles: 0, sentences: 0, mentions: 0, events: 0, joined: 0 };
  async function* articles(): AsyncGenerator<{ id: number; article: Article }> {
    for (const id of ids) yield { id, article: store.article(id)! };
  }
  // Re-coding is explicit: it uses everything the store has learned.
  const people = knownPeople(store, lastArticleId(store));
  for await (const r of codeStream(articles(), (x) => x.article, { jobs: opts.jobs ?? 1, statements, batchArticles: opts.batchArticles, people })) {
    const w = writer.recode(r.item.id, r.events, r.sentences, codedWith);
    s.articles++;
    s.sentences += r.sentences;
    s.mentions += w.mentions;
    s.events += w.newEvents;
    s.joined += w.joined;
    opts.onProgress?.(s);
  }
  return s;
}
