/**
 * Coding for the API: POST /api/code codes text with one coder kept for the server's life (the
 * lexicons load on the first request); POST /api/articles stores and codes through the store's
 * ingest, exactly as `dyad ingest` does for one article.
 */
import { createCoder, loadResources, type Resources } from '../pipeline/index.js';
import type { Article, CodedEvent } from '../pipeline/types.js';
import type { Coder } from '../pipeline/coder-api.js';
import type { Store } from '../store/store.js';
import { ingest, IngestError, type IngestSummary } from '../store/ingest.js';
import type { InputItem } from '../io/readers/types.js';
import { HttpError } from './errors.js';

export class ApiCoder {
  private res: Resources | null = null;
  private readonly coders = new Map<boolean, Coder>();

  code(article: Article, statements: boolean): CodedEvent[] {
    let c = this.coders.get(statements);
    if (!c) {
      this.res ??= loadResources();
      this.coders.set(statements, c = createCoder({ statements }, this.res));
    }
    return c.code(article);
  }
}

export interface StoredArticle {
  status: 'stored' | 'updated' | 'already stored';
  /** The stored article's id (GET /api/articles/:id). */
  article_id: number;
  mentions: number;
  new_events: number;
  joined: number;
  /** The events the article's mentions belong to. */
  events: number[];
}

async function* one(article: Article): AsyncGenerator<InputItem> {
  yield { kind: 'article', article, origin: 'POST /api/articles' };
}

/** Stores and codes one article; one write at a time (ingest is not re-entrant on one connection's writer). */
export class ArticleWriter {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly store: Store) {}

  store1(article: Article): Promise<StoredArticle> {
    const run = this.queue.then(() => this.write(article));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async write(article: Article): Promise<StoredArticle> {
    const statements = this.store.meta('statements') === '1';
    let s: IngestSummary;
    try {
      s = await ingest(this.store, one(article), { jobs: 1, statements });
    } catch (e) {
      if (e instanceof IngestError) throw new HttpError(409, e.message);
      throw e;
    }
    const id = this.store.writer().findStored(article);
    if (id === null) throw new Error('the article was not found in the store after ingest');
    const events = this.store.db.prepare('SELECT DISTINCT event_id FROM mentions WHERE article_id = ? AND event_id IS NOT NULL ORDER BY event_id').pluck().all(id) as number[];
    return {
      status: s.updated ? 'updated' : s.stored ? 'stored' : 'already stored',
      article_id: id, mentions: s.mentions, new_events: s.events, joined: s.joined, events,
    };
  }
}
