/**
 * Writing coded articles: the article, its mentions, their events and the people they name go in
 * ONE transaction per article, so a crash leaves either the whole article or nothing. Prepared
 * statements are built once per writer.
 */
import type Database from 'better-sqlite3';
import type { Article, CodedEvent } from '../pipeline/types.js';
import { actorKey, publisherOf, textHash } from './keys.js';
import { DAY_WINDOW, parseDay, type DateSpan } from './days.js';
import {
  aggregate, anchorFromRow, chooseEvent, compatible, describeActors, mentionSpan,
  memberRecord, type EventAggregate, type Fit, type MatchResult, type MemberMention, type MemberRecord,
} from './cluster.js';
import { sightingsOf, type RoleFinder } from './people.js';

/** An article and what the coder made of it. */
export interface CodedArticle {
  article: Article;
  /** Where it was read from (file:line, file#item N...). */
  origin: string;
  events: CodedEvent[];
  sentences: number;
}

export type WriteStatus = 'stored' | 'updated' | 'already stored';

export interface WriteResult {
  status: WriteStatus;
  articleId: number;
  mentions: number;
  /** Events this article created, and mentions that joined an existing event. */
  newEvents: number;
  joined: number;
}

/** The columns of a candidate event that clustering reads (EventRow); not SELECT *: events are wide. */
const CANDIDATE_COLUMNS = 'id, day_lo, day_hi, date_kind, date, undated_article, loc_name, loc_country, loc_admin1, loc_lat, loc_lon, loc_geonames_id, loc_precision';

interface EventRow {
  id: number; day_lo: number | null; day_hi: number | null; date_kind: string | null; date: string | null; undated_article: number | null;
  loc_name: string | null; loc_country: string | null; loc_admin1: string | null; loc_lat: number | null; loc_lon: number | null;
  loc_geonames_id: number | null; loc_precision: string | null;
}

interface ArticleKey {
  hash: string;
  publisher: string;
  url: string | null;
  /** The text the hash is of (an article object changed in between is hashed again). */
  text: string;
}

const AGGREGATE_COLUMNS: (keyof EventAggregate)[] = [
  'day_lo', 'day_hi', 'date_kind', 'undated_article', 'date', 'date_precision', 'historical', 'cameo', 'plover', 'plover_mode',
  'plover_context', 'quad_class', 'goldstein', 'source_code', 'source_country', 'source_sector', 'source_name', 'target_code',
  'target_country', 'target_sector', 'target_name', 'loc_name', 'loc_country', 'loc_admin1', 'loc_lat', 'loc_lon', 'loc_geonames_id',
  'loc_precision', 'killed', 'wounded', 'casualties_qualifier', 'mentions', 'articles', 'sources', 'first_report', 'last_report',
  'root_mention', 'root_sentence', 'root_url', 'root_article',
];

/**
 * Parsed mention records (only what aggregation reads: cluster.ts memberRecord), kept while they are
 * likely to be read again: big events are recomputed often.
 */
const RECORD_CACHE_MAX = 20_000;

export class StoreWriter {
  private readonly q;
  private readonly records = new Map<number, MemberRecord>();

  constructor(private readonly db: Database.Database, private readonly roles: RoleFinder) {
    const cols = AGGREGATE_COLUMNS;
    this.q = {
      stored: db.prepare<[string, string, string | null]>(
        'SELECT id FROM articles WHERE text_hash = ? AND (publisher = ? OR (url IS NOT NULL AND url = ?)) ORDER BY id LIMIT 1').pluck(),
      insertArticle: db.prepare(`INSERT INTO articles (ext_id, origin, url, source, publisher, title, published, published_day, text, text_hash, sentences, coded_with)
        VALUES (@ext_id, @origin, @url, @source, @publisher, @title, @published, @published_day, @text, @text_hash, @sentences, @coded_with)`),
      currentByUrl: db.prepare<[string, number]>('SELECT id, published_day FROM articles WHERE url = ? AND id != ? AND superseded_by IS NULL ORDER BY id'),
      supersede: db.prepare<[number, number]>('UPDATE articles SET superseded_by = ? WHERE id = ?'),
      article: db.prepare<[number]>('SELECT id, published, published_day, superseded_by FROM articles WHERE id = ?'),
      updateArticleCoding: db.prepare<[number, string, number]>('UPDATE articles SET sentences = ?, coded_with = ? WHERE id = ?'),
      insertMention: db.prepare(`INSERT INTO mentions (article_id, seq, sentence, cameo, cameo_root, plover, source_key, target_key, source_code, target_code,
        source_name, target_name, date_kind, day_lo, day_hi, date_label, historical, negated, hypothetical, event_id, note, record)
        VALUES (@article_id, @seq, @sentence, @cameo, @cameo_root, @plover, @source_key, @target_key, @source_code, @target_code,
        @source_name, @target_name, @date_kind, @day_lo, @day_hi, @date_label, @historical, @negated, @hypothetical, NULL, @note, @record)`),
      setMentionEvent: db.prepare<[number, string, number]>('UPDATE mentions SET event_id = ?, note = ? WHERE id = ?'),
      // Events whose interval comes within DAY_WINDOW of [lo, hi]: for each kind of date, day_lo lies
      // between lo - window - (the kind's longest span - 1) and hi + window (see the events_key index).
      candidates: db.prepare(([['day', 0], ['published', 1], ['month', 30], ['year', 365]] as const).map(([kind, extra]) =>
        `SELECT ${CANDIDATE_COLUMNS} FROM events WHERE source_key = @sk AND target_key = @tk AND cameo_root = @root AND date_kind = '${kind}'
          AND day_lo BETWEEN @lo - ${DAY_WINDOW + extra} AND @hi + ${DAY_WINDOW} AND day_hi >= @lo - ${DAY_WINDOW}`).join(' UNION ALL ') + ' ORDER BY id'),
      undatedCandidates: db.prepare<[string, string, string, number]>(`SELECT ${CANDIDATE_COLUMNS} FROM events
        WHERE source_key = ? AND target_key = ? AND cameo_root = ? AND date_kind IS NULL AND undated_article = ? ORDER BY id`),
      insertEvent: db.prepare(`INSERT INTO events (source_key, target_key, cameo_root, ${cols.join(', ')})
        VALUES (@source_key, @target_key, @cameo_root, ${cols.map((c) => '@' + c).join(', ')})`),
      updateEvent: db.prepare(`UPDATE events SET ${cols.map((c) => `${c} = @${c}`).join(', ')} WHERE id = @id`),
      deleteEvent: db.prepare<[number]>('DELETE FROM events WHERE id = ?'),
      // A member's record is read only when it is not cached: an event's recomputation would
      // otherwise copy every member's JSON (sentence included) out of SQLite each time one joins.
      mentionRecord: db.prepare<[number]>('SELECT record FROM mentions WHERE id = ?').pluck(),
      members: db.prepare<[number]>(`SELECT m.id, m.article_id, m.sentence, m.date_kind, m.day_lo, m.day_hi, m.date_label, m.historical,
        a.publisher, a.published, a.url, a.ext_id FROM mentions m JOIN articles a ON a.id = m.article_id WHERE m.event_id = ? ORDER BY m.id`),
      member: db.prepare<[number]>(`SELECT m.id, m.article_id, m.sentence, m.date_kind, m.day_lo, m.day_hi, m.date_label, m.historical,
        a.publisher, a.published, a.url, a.ext_id FROM mentions m JOIN articles a ON a.id = m.article_id WHERE m.id = ?`),
      eventsOfArticle: db.prepare<[number]>('SELECT DISTINCT event_id FROM mentions WHERE article_id = ? AND event_id IS NOT NULL ORDER BY event_id').pluck(),
      mentionIdsOfArticle: db.prepare<[number]>('SELECT id FROM mentions WHERE article_id = ?').pluck(),
      detachArticle: db.prepare<[string, number]>('UPDATE mentions SET event_id = NULL, note = ? WHERE article_id = ?'),
      deleteSightingsOfArticle: db.prepare<[number]>('DELETE FROM person_sightings WHERE mention_id IN (SELECT id FROM mentions WHERE article_id = ?)'),
      deleteMentionsOfArticle: db.prepare<[number]>('DELETE FROM mentions WHERE article_id = ?'),
      insertSighting: db.prepare('INSERT INTO person_sightings (mention_id, side, name_key, name, code, role, day) VALUES (@mention_id, @side, @name_key, @name, @code, @role, @day)'),
    };
  }

  /** Keys of articles seen by findStored, so the write does not hash the text again. */
  private readonly keys = new WeakMap<Article, ArticleKey>();

  private key(a: Article): ArticleKey {
    let k = this.keys.get(a);
    if (!k || k.text !== a.text) {
      k = { hash: textHash(a.text), publisher: publisherOf(a), url: a.url?.trim() || null, text: a.text };
      this.keys.set(a, k);
    }
    return k;
  }

  /** The stored article this one repeats (same text and publisher, or same text at the same URL); null when new. */
  findStored(a: Article): number | null {
    const k = this.key(a);
    return (this.q.stored.get(k.hash, k.publisher, k.url) as number | undefined) ?? null;
  }

  /** Stores a coded article in one transaction (or reports it as already stored). */
  write(c: CodedArticle, codedWith: string): WriteResult {
    return this.db.transaction((): WriteResult => {
      const k = this.key(c.article);
      const existing = this.q.stored.get(k.hash, k.publisher, k.url) as number | undefined;
      if (existing !== undefined) return { status: 'already stored', articleId: existing, mentions: 0, newEvents: 0, joined: 0 };
      const a = c.article;
      const publishedDay = parseDay(a.published);
      const id = Number(this.q.insertArticle.run({
        ext_id: a.id, origin: c.origin, url: k.url, source: a.source ?? null, publisher: k.publisher, title: a.title ?? null,
        published: a.published ?? null, published_day: publishedDay, text: a.text, text_hash: k.hash, sentences: c.sentences, coded_with: codedWith,
      }).lastInsertRowid);
      let status: WriteStatus = 'stored';
      let supersededBy: number | null = null;
      if (k.url) {
        for (const old of this.q.currentByUrl.all(k.url, id) as { id: number; published_day: number | null }[]) {
          // The version published last is current (ties: the one stored last).
          if ((publishedDay ?? -Infinity) >= (old.published_day ?? -Infinity)) {
            this.q.supersede.run(id, old.id);
            this.detachArticle(old.id, `left its event: article ${old.id} was superseded by article ${id}, a later version of the same URL`);
            status = 'updated';
          } else {
            supersededBy = old.id;
          }
        }
      }
      if (supersededBy !== null) this.q.supersede.run(supersededBy, id);
      const r = this.insertMentions(id, publishedDay, c.events, supersededBy);
      return { status, articleId: id, mentions: c.events.length, ...r };
    })();
  }

  /** Replaces a stored article's mentions with a new coding, in one transaction. */
  recode(articleId: number, events: CodedEvent[], sentences: number, codedWith: string): WriteResult {
    return this.db.transaction((): WriteResult => {
      const art = this.q.article.get(articleId) as { id: number; published_day: number | null; superseded_by: number | null } | undefined;
      if (!art) throw new Error(`no article ${articleId} in the store`);
      const affected = this.q.eventsOfArticle.all(articleId) as number[];
      for (const id of this.q.mentionIdsOfArticle.all(articleId) as number[]) this.records.delete(id);
      this.q.deleteSightingsOfArticle.run(articleId);
      this.q.deleteMentionsOfArticle.run(articleId);
      for (const ev of affected) this.refresh(ev);
      this.q.updateArticleCoding.run(sentences, codedWith, articleId);
      const r = this.insertMentions(articleId, art.published_day, events, art.superseded_by);
      return { status: 'stored', articleId, mentions: events.length, ...r };
    })();
  }

  private insertMentions(articleId: number, publishedDay: number | null, events: CodedEvent[], supersededBy: number | null): { newEvents: number; joined: number } {
    let newEvents = 0;
    let joined = 0;
    const spans = events.map((e) => mentionSpan(e, publishedDay));
    const ids: number[] = [];
    events.forEach((e, seq) => {
      const span = spans[seq];
      const leftOut = supersededBy !== null ? `not clustered: article ${articleId} is an older version of article ${supersededBy} (same URL)`
        : e.negated ? 'not clustered: negated (the text says it did not happen)'
        : e.hypothetical ? 'not clustered: hypothetical (future, conditional or intended)'
        : null;
      const id = Number(this.q.insertMention.run({
        article_id: articleId, seq, sentence: e.sentence, cameo: e.cameo, cameo_root: e.cameo_root, plover: e.plover.event,
        source_key: actorKey(e.source), target_key: actorKey(e.target), source_code: e.source?.code || null, target_code: e.target?.code || null,
        source_name: e.source?.name ?? null, target_name: e.target?.name ?? null,
        date_kind: span?.kind ?? null, day_lo: span?.lo ?? null, day_hi: span?.hi ?? null, date_label: span?.label ?? null,
        historical: e.historical === null || e.historical === undefined ? null : e.historical ? 1 : 0,
        negated: e.negated ? 1 : 0, hypothetical: e.hypothetical ? 1 : 0, note: leftOut ?? '', record: JSON.stringify(e),
      }).lastInsertRowid);
      ids.push(id);
      this.remember(id, e);
      if (leftOut) return;
      if (this.cluster(id, articleId, e, span)) joined++;
      else newEvents++;
    });
    if (supersededBy === null) {
      for (const s of sightingsOf(events, spans, publishedDay, this.roles)) {
        this.q.insertSighting.run({ mention_id: ids[s.seq], side: s.side, name_key: s.name_key, name: s.name, code: s.code, role: s.role, day: s.day });
      }
    }
    return { newEvents, joined };
  }

  /** Puts a mention into the best compatible event, or a new one; true when it joined an existing event. */
  private cluster(mentionId: number, articleId: number, e: CodedEvent, span: DateSpan | null): boolean {
    const sk = actorKey(e.source);
    const tk = actorKey(e.target);
    const rows = (span
      ? this.q.candidates.all({ sk, tk, root: e.cameo_root, lo: span.lo, hi: span.hi })
      : this.q.undatedCandidates.all(sk, tk, e.cameo_root, articleId)) as EventRow[];
    const fits: Fit<EventRow>[] = [];
    const rejected: { row: EventRow; m: MatchResult }[] = [];
    for (const row of rows) {
      const anchor = anchorFromRow(row);
      const m = compatible(span, e.location ?? null, articleId, anchor);
      if (m.ok) fits.push({ event: row, anchor, match: m });
      else rejected.push({ row, m });
    }
    const { best, ambiguous } = chooseEvent(span, fits);
    const actors = describeActors(sk, tk);
    if (best) {
      const note = `joined event ${best.event.id}: same actors (${actors}) and CAMEO root ${e.cameo_root}; dates: ${best.match.dateWhy}; places: ${best.match.placeWhy}`;
      this.q.setMentionEvent.run(best.event.id, note, mentionId);
      this.refresh(best.event.id);
      return true;
    }
    const first = this.memberOf(mentionId);
    const id = Number(this.q.insertEvent.run({ source_key: sk, target_key: tk, cameo_root: e.cameo_root, ...aggregate([first]) }).lastInsertRowid);
    const why = ambiguous.length
      ? `${ambiguous.length} events with the same actors and root fit ${span!.label} (${ambiguous.slice(0, 5).map((f) => `event ${f.event.id}, ${f.anchor.span?.label ?? 'undated'}`).join('; ')}${ambiguous.length > 5 ? '; ...' : ''}): a ${span!.kind} date cannot tell which`
      : rejected.length
      ? `events with the same actors and root did not fit: ${rejected.slice(0, 3).map((r) => `event ${r.row.id} (${r.m.dateWhy}; places: ${r.m.placeWhy})`).join(', ')}`
      : span ? `no event with the same actors (${actors}) and CAMEO root ${e.cameo_root} ${span.kind === 'day' || span.kind === 'published' ? `within ${DAY_WINDOW} day of ${span.label}` : `in ${span.label}`}`
      : `no undated event with the same actors (${actors}) and CAMEO root ${e.cameo_root} in this article`;
    this.q.setMentionEvent.run(id, `new event ${id}: ${why}`, mentionId);
    return false;
  }

  /** Takes an article's mentions out of their events (an older version of a URL). */
  private detachArticle(articleId: number, note: string): void {
    const affected = this.q.eventsOfArticle.all(articleId) as number[];
    this.q.detachArticle.run(note, articleId);
    this.q.deleteSightingsOfArticle.run(articleId);
    for (const ev of affected) this.refresh(ev);
  }

  /** Recomputes an event from its mentions; deletes it when none are left. */
  private refresh(eventId: number): void {
    const members = this.members(eventId);
    if (members.length === 0) { this.q.deleteEvent.run(eventId); return; }
    this.q.updateEvent.run({ id: eventId, ...aggregate(members) });
  }

  private members(eventId: number): MemberMention[] {
    return (this.q.members.all(eventId) as Omit<MemberMention, 'record'>[]).map((r) => ({ ...r, record: this.record(r.id) }));
  }

  private memberOf(mentionId: number): MemberMention {
    const r = this.q.member.get(mentionId) as Omit<MemberMention, 'record'>;
    return { ...r, record: this.record(r.id) };
  }

  private record(id: number): MemberRecord {
    return this.records.get(id) ?? this.remember(id, JSON.parse(this.q.mentionRecord.get(id) as string) as CodedEvent);
  }

  private remember(id: number, e: CodedEvent): MemberRecord {
    if (this.records.size >= RECORD_CACHE_MAX) this.records.clear();
    const r = memberRecord(e);
    this.records.set(id, r);
    return r;
  }
}
