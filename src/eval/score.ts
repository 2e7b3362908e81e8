/**
 * Scorers for the gold sets: pure functions from (gold item, coded events) to scores, counts and error
 * examples. No I/O. The rules follow ../shared/gold/README.md; where it leaves room, the choice is
 * documented on the function that makes it.
 */
import type { CodedEvent } from '../pipeline/types.js';
import type { ArticleGoldEvent, ArticleGoldItem, CameoGoldItem, PloverGsrGoldItem } from './gold.js';

// ---------------------------------------------------------------------------------------------------------
// Shared types

export type ErrorKind =
  | 'missed type'
  | 'wrong actor'
  | 'spurious event'
  /** The coder found exactly this tuple but flagged it negated/hypothetical, or missed a gold negation. */
  | 'negated or hypothetical'
  /** CAMEO examples: the root is right, the leaf code is not. */
  | 'wrong leaf'
  /** The coder threw on the item (recorded by the runner). */
  | 'coder error';

export interface Tuple {
  source: string | null;
  target: string | null;
  plover: string;
}

export interface ErrorExample {
  kind: ErrorKind;
  /** `missed`: in the gold, not (or not rightly) coded; `spurious`: coded, not in the gold. */
  side: 'missed' | 'spurious';
  /** Article or sentence id. */
  item: string;
  /** Human-readable: "USA -> IRN ASSAULT", "cameo 0234 (root 02)". */
  label: string;
  tuple: Tuple | null;
  sentence: string | null;
  trigger: string | null;
  /** Lexicon rule that fired (spurious examples only). */
  rule: string | null;
  /** Extra detail, e.g. what the coder produced instead. */
  note: string | null;
}

export interface ScoreSet {
  /** Omitted when there is nothing to measure (never NaN). */
  scores: Record<string, number>;
  counts: Record<string, number>;
  errors: ErrorExample[];
}

// ---------------------------------------------------------------------------------------------------------
// Actor codes

/**
 * Intergovernmental organisation codes that count as `IGO` (besides `IGO` and every code starting with
 * `IGO`). CAMEO IGO codes; none collides with an ISO 3166 alpha-3 code. NGOs (NGO, AMN...) are not IGOs.
 */
export const IGO_CODES: ReadonlySet<string> = new Set([
  'IGO', 'UNO', 'EUR', 'NAT', 'AFU', 'OSC', 'ASN', 'ARL', 'GCC', 'OPC', 'OAS', 'WAF', 'SCO', 'CIS',
  'OAU', 'OIC', 'COE', 'CWN', 'NON', 'SAD', 'CEM', 'EEC', 'EFT', 'WEU', 'APE', 'PKO',
  'IMF', 'WBK', 'ADB', 'AFB', 'EBR', 'IAD', 'BIS', 'WTO', 'WHO', 'FAO', 'ILO', 'IAE', 'IOM', 'ICC', 'ICJ',
  'ITP', 'WCO',
]);

/** Country code as scored: upper case, IGO codes folded to `IGO`, empty -> null. */
export function normCountry(code: string | null | undefined): string | null {
  if (code === null || code === undefined) return null;
  const c = code.trim().toUpperCase();
  if (c === '') return null;
  if (c.startsWith('IGO') || IGO_CODES.has(c)) return 'IGO';
  return c;
}

export function tupleKey(t: Tuple): string {
  return JSON.stringify([t.source, t.target, t.plover]);
}

export function tupleLabel(t: Tuple): string {
  return `${t.source ?? '-'} -> ${t.target ?? '-'} ${t.plover}`;
}

/** The scored country of a coded actor: organisations whose actor code starts with IGO count as IGO. */
export function actorCountry(a: CodedEvent['source']): string | null {
  if (a && a.code.startsWith('IGO')) return 'IGO';
  return normCountry(a?.country);
}

export function codedTuple(e: CodedEvent): Tuple | null {
  if (e.plover.event === null) return null;
  return { source: actorCountry(e.source), target: actorCountry(e.target), plover: e.plover.event };
}

function goldTuple(e: { source_country: string | null; target_country: string | null; plover: string }): Tuple {
  return { source: normCountry(e.source_country), target: normCountry(e.target_country), plover: e.plover };
}

/** Coded events that can match an article gold tuple: an event type, neither negated nor hypothetical. */
export function isScoredEvent(e: CodedEvent): boolean {
  return e.plover.event !== null && !e.negated && !e.hypothetical;
}

// ---------------------------------------------------------------------------------------------------------
// Arithmetic

export interface Confusion {
  tp: number;
  fp: number;
  fn: number;
}

export function addConfusion(a: Confusion, b: Confusion): Confusion {
  return { tp: a.tp + b.tp, fp: a.fp + b.fp, fn: a.fn + b.fn };
}

/** TP/FP/FN of a predicted set against a gold set (both distinct keys). */
export function confusion(predicted: ReadonlySet<string>, gold: ReadonlySet<string>): Confusion {
  let tp = 0;
  for (const k of predicted) if (gold.has(k)) tp++;
  return { tp, fp: predicted.size - tp, fn: gold.size - tp };
}

/** Ratio, or undefined when the denominator is 0 (the score is then omitted, not NaN). */
export function ratio(num: number, den: number): number | undefined {
  return den === 0 ? undefined : num / den;
}

export function precision(c: Confusion): number | undefined {
  return ratio(c.tp, c.tp + c.fp);
}

export function recall(c: Confusion): number | undefined {
  return ratio(c.tp, c.tp + c.fn);
}

/** F1 = 2TP / (2TP + FP + FN): 0 when either side is empty and the other not; undefined when both are. */
export function f1(c: Confusion): number | undefined {
  return ratio(2 * c.tp, 2 * c.tp + c.fp + c.fn);
}

function setScore(scores: Record<string, number>, name: string, value: number | undefined): void {
  if (value !== undefined && Number.isFinite(value)) scores[name] = value;
}

function mean(xs: number[]): number | undefined {
  return xs.length === 0 ? undefined : xs.reduce((a, b) => a + b, 0) / xs.length;
}

function groupBy<T>(xs: readonly T[], key: (x: T) => string | null): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const x of xs) {
    const k = key(x);
    if (k === null) continue;
    const list = m.get(k);
    if (list) list.push(x);
    else m.set(k, [x]);
  }
  return m;
}

// ---------------------------------------------------------------------------------------------------------
// Articles (seed_article, dev_articles)

/** A matched-tuple attribute: the gold events define what is measurable, coded events may agree. */
interface Attribute {
  name: string;
  /** The gold value to check, or null when this gold event does not measure the attribute. */
  gold: (g: ArticleGoldEvent) => string | number | boolean | null;
  coded: (c: CodedEvent) => string | number | boolean | null;
}

/**
 * Attributes scored on matched tuples. Dates: the coded date is truncated to its own precision
 * (day -> YYYY-MM-DD, month -> YYYY-MM, year -> YYYY) and must equal the gold string exactly, so the
 * precision must match too: a coded 2020-06-20 against gold 2020-06 is wrong, as is 2020 against 2020-06.
 */
export const ARTICLE_ATTRIBUTES: readonly Attribute[] = [
  { name: 'date', gold: (g) => g.date, coded: codedDate },
  { name: 'historical', gold: (g) => g.historical, coded: (c) => c.historical },
  { name: 'location_country', gold: (g) => normCountry(g.location_country), coded: (c) => normCountry(c.location?.country) },
  { name: 'killed', gold: (g) => g.killed, coded: (c) => c.killed },
  { name: 'wounded', gold: (g) => g.wounded, coded: (c) => c.wounded },
];

const PRECISION_LENGTH = { day: 10, month: 7, year: 4 } as const;

/** The coded date as a gold-style string: truncated to its precision (or to a calendar date if none). */
export function codedDate(e: Pick<CodedEvent, 'date' | 'date_precision'>): string | null {
  if (e.date === null) return null;
  const len = e.date_precision === null ? 10 : PRECISION_LENGTH[e.date_precision];
  return e.date.slice(0, len);
}

export interface ArticleResult {
  id: string;
  tuples: Confusion;
  types: Confusion;
  /** Per attribute: matched gold tuples where it is measurable, and those where coder and gold agree. */
  attributes: Record<string, { measured: number; correct: number }>;
  codedEvents: number;
  scoredEvents: number;
  errors: ErrorExample[];
}

/** Scores one article: distinct tuple sets, type sets, matched-tuple attributes and error examples. */
export function scoreArticle(gold: ArticleGoldItem, coded: readonly CodedEvent[]): ArticleResult {
  const goldEvents = gold.events.filter((g) => !g.negated && !g.hypothetical);
  const scored = coded.filter(isScoredEvent);
  const goldByTuple = groupBy(goldEvents, (g) => tupleKey(goldTuple(g)));
  const codedByTuple = groupBy(scored, (c) => keyOf(codedTuple(c)));
  const goldTypes = new Set(goldEvents.map((g) => g.plover));
  const codedTypes = new Set(scored.map((c) => c.plover.event as string));
  return {
    id: gold.id,
    tuples: confusion(new Set(codedByTuple.keys()), new Set(goldByTuple.keys())),
    types: confusion(codedTypes, goldTypes),
    attributes: scoreAttributes(goldByTuple, codedByTuple),
    codedEvents: coded.length,
    scoredEvents: scored.length,
    errors: [
      ...missedTupleErrors(gold, goldByTuple, codedByTuple, codedTypes, coded),
      ...spuriousTupleErrors(gold, goldByTuple, codedByTuple, goldTypes),
    ],
  };
}

function keyOf(t: Tuple | null): string | null {
  return t === null ? null : tupleKey(t);
}

/**
 * For each matched gold tuple and attribute: measurable when some gold event of the tuple has a non-null
 * value; correct when any such gold value equals the value of any coded event with the same tuple.
 * Several gold events may share a tuple, so this counts once per gold tuple.
 */
function scoreAttributes(
  goldByTuple: Map<string, ArticleGoldEvent[]>,
  codedByTuple: Map<string, CodedEvent[]>,
): Record<string, { measured: number; correct: number }> {
  const out: Record<string, { measured: number; correct: number }> = {};
  for (const attr of ARTICLE_ATTRIBUTES) {
    let measured = 0;
    let correct = 0;
    for (const [key, golds] of goldByTuple) {
      const codeds = codedByTuple.get(key);
      if (!codeds) continue;
      const goldValues = golds.map(attr.gold).filter((v) => v !== null);
      if (goldValues.length === 0) continue;
      measured++;
      const codedValues = new Set(codeds.map(attr.coded));
      if (goldValues.some((v) => codedValues.has(v))) correct++;
    }
    out[attr.name] = { measured, correct };
  }
  return out;
}

function missedTupleErrors(
  gold: ArticleGoldItem,
  goldByTuple: Map<string, ArticleGoldEvent[]>,
  codedByTuple: Map<string, CodedEvent[]>,
  codedTypes: ReadonlySet<string>,
  allCoded: readonly CodedEvent[],
): ErrorExample[] {
  const excluded = new Set(
    allCoded.filter((c) => !isScoredEvent(c)).map((c) => keyOf(codedTuple(c))).filter((k) => k !== null),
  );
  const out: ErrorExample[] = [];
  for (const [key, golds] of goldByTuple) {
    if (codedByTuple.has(key)) continue;
    const g = golds[0] as ArticleGoldEvent;
    const tuple = goldTuple(g);
    const kind: ErrorKind = excluded.has(key)
      ? 'negated or hypothetical'
      : codedTypes.has(g.plover) ? 'wrong actor' : 'missed type';
    const note = kind === 'wrong actor' ? codedAlternatives(codedByTuple, g.plover) : null;
    out.push(goldExample(kind, gold.id, tuple, g.sentence, g.trigger, note));
  }
  return out;
}

function spuriousTupleErrors(
  gold: ArticleGoldItem,
  goldByTuple: Map<string, ArticleGoldEvent[]>,
  codedByTuple: Map<string, CodedEvent[]>,
  goldTypes: ReadonlySet<string>,
): ErrorExample[] {
  const negatedGold = new Set(gold.events.filter((g) => g.negated || g.hypothetical).map((g) => tupleKey(goldTuple(g))));
  const out: ErrorExample[] = [];
  for (const [key, codeds] of codedByTuple) {
    if (goldByTuple.has(key)) continue;
    const c = codeds[0] as CodedEvent;
    const tuple = codedTuple(c) as Tuple;
    const kind: ErrorKind = negatedGold.has(key)
      ? 'negated or hypothetical'
      : goldTypes.has(tuple.plover) ? 'wrong actor' : 'spurious event';
    out.push(codedExample(kind, gold.id, tuple, c, kind === 'wrong actor' ? goldAlternatives(goldByTuple, tuple.plover) : null));
  }
  return out;
}

/** "coded: USA -> IRN, IRN -> -": the tuples of the same type the coder produced instead. */
function codedAlternatives(codedByTuple: Map<string, CodedEvent[]>, plover: string): string {
  const labels = [...codedByTuple.values()]
    .map((cs) => codedTuple(cs[0] as CodedEvent) as Tuple)
    .filter((t) => t.plover === plover)
    .map((t) => `${t.source ?? '-'} -> ${t.target ?? '-'}`);
  return `coded ${plover}: ${labels.join(', ')}`;
}

function goldAlternatives(goldByTuple: Map<string, ArticleGoldEvent[]>, plover: string): string {
  const labels = [...goldByTuple.values()]
    .map((gs) => goldTuple(gs[0] as ArticleGoldEvent))
    .filter((t) => t.plover === plover)
    .map((t) => `${t.source ?? '-'} -> ${t.target ?? '-'}`);
  return `gold ${plover}: ${labels.join(', ')}`;
}

function goldExample(
  kind: ErrorKind, item: string, tuple: Tuple, sentence: string | null, trigger: string | null, note: string | null,
): ErrorExample {
  return { kind, side: 'missed', item, label: tupleLabel(tuple), tuple, sentence, trigger, rule: null, note };
}

function codedExample(kind: ErrorKind, item: string, tuple: Tuple, c: CodedEvent, note: string | null): ErrorExample {
  return {
    kind, side: 'spurious', item, label: tupleLabel(tuple), tuple,
    sentence: c.sentence_text, trigger: c.trigger.text, rule: c.rule, note,
  };
}

/**
 * Aggregates article results. Micro P/R/F1 sum TP/FP/FN over articles; `tuple_f1_macro` averages the
 * per-article F1 over articles where it is defined (gold or coded tuples non-empty); `type_f1` is micro F1
 * over per-article sets of distinct PLOVER types. Attribute accuracies are over matched gold tuples.
 */
export function aggregateArticles(results: readonly ArticleResult[]): ScoreSet {
  const zero: Confusion = { tp: 0, fp: 0, fn: 0 };
  const tuples = results.map((r) => r.tuples).reduce(addConfusion, zero);
  const types = results.map((r) => r.types).reduce(addConfusion, zero);
  const perArticleF1 = results.map((r) => f1(r.tuples)).filter((x): x is number => x !== undefined);
  const scores: Record<string, number> = {};
  setScore(scores, 'tuple_precision', precision(tuples));
  setScore(scores, 'tuple_recall', recall(tuples));
  setScore(scores, 'tuple_f1', f1(tuples));
  setScore(scores, 'tuple_f1_macro', mean(perArticleF1));
  setScore(scores, 'type_f1', f1(types));
  const counts: Record<string, number> = {
    articles: results.length,
    gold_tuples: tuples.tp + tuples.fn,
    coded_tuples: tuples.tp + tuples.fp,
    tuple_tp: tuples.tp,
    tuple_fp: tuples.fp,
    tuple_fn: tuples.fn,
    type_tp: types.tp,
    type_fp: types.fp,
    type_fn: types.fn,
    macro_articles: perArticleF1.length,
    coded_events: sum(results.map((r) => r.codedEvents)),
    scored_events: sum(results.map((r) => r.scoredEvents)),
  };
  for (const attr of ARTICLE_ATTRIBUTES) {
    const measured = sum(results.map((r) => r.attributes[attr.name]?.measured ?? 0));
    const correct = sum(results.map((r) => r.attributes[attr.name]?.correct ?? 0));
    setScore(scores, `${attr.name}_accuracy`, ratio(correct, measured));
    counts[`${attr.name}_measured`] = measured;
    counts[`${attr.name}_correct`] = correct;
  }
  return { scores, counts, errors: results.flatMap((r) => r.errors) };
}

function sum(xs: number[]): number {
  return xs.reduce((a, b) => a + b, 0);
}

/** Scores a whole article set: one (gold, coded) pair per article. */
export function scoreArticles(pairs: readonly { gold: ArticleGoldItem; coded: readonly CodedEvent[] }[]): ScoreSet {
  return aggregateArticles(pairs.map((p) => scoreArticle(p.gold, p.coded)));
}

// ---------------------------------------------------------------------------------------------------------
// PLOVER gold-standard sentences

export interface SentenceResult {
  id: string;
  /** Distinct gold PLOVER types of the sentence. */
  goldTypes: number;
  typeHits: number;
  typeSourceHits: number;
  /** Coded events whose type is not among the gold types. */
  spurious: number;
  errors: ErrorExample[];
}

/**
 * Scores one PLOVER gold-standard sentence. Each distinct gold type counts once. All coded events with a
 * PLOVER type count, negated and hypothetical ones included: these are single illustrative sentences
 * (often "X threatened to...", "Y refused to..."), where the type is what is being checked.
 * type_source: some coded event of the type has the gold source country (IGO-normalised; null equals null)
 * and, when some gold event of that type has a target country, that target too; any gold event of the
 * type may be the one matched.
 */
export function scorePloverSentence(gold: PloverGsrGoldItem, coded: readonly CodedEvent[]): SentenceResult {
  const typed = coded.filter((c) => c.plover.event !== null);
  const goldByType = groupBy(gold.events, (g) => g.plover);
  const codedByType = groupBy(typed, (c) => c.plover.event);
  const errors: ErrorExample[] = [];
  let typeHits = 0;
  let typeSourceHits = 0;
  for (const [type, golds] of goldByType) {
    const codeds = codedByType.get(type);
    const first = goldTuple(golds[0] as PloverGsrGoldItem['events'][number]);
    if (!codeds) {
      errors.push(goldExample('missed type', gold.id, first, gold.text, golds[0]?.trigger ?? null, null));
      continue;
    }
    typeHits++;
    if (golds.some((g) => codeds.some((c) => actorsMatch(goldTuple(g), c)))) typeSourceHits++;
    else errors.push(goldExample('wrong actor', gold.id, first, gold.text, golds[0]?.trigger ?? null, codedActors(codeds)));
  }
  const spurious = typed.filter((c) => !goldByType.has(c.plover.event as string));
  for (const c of spurious) errors.push(codedExample('spurious event', gold.id, codedTuple(c) as Tuple, c, null));
  return { id: gold.id, goldTypes: goldByType.size, typeHits, typeSourceHits, spurious: spurious.length, errors };
}

/** Source must equal; target must equal only when the gold names one. */
export function actorsMatch(gold: Tuple, c: CodedEvent): boolean {
  if (actorCountry(c.source) !== gold.source) return false;
  return gold.target === null || actorCountry(c.target) === gold.target;
}

function codedActors(codeds: readonly CodedEvent[]): string {
  return `coded: ${codeds.map((c) => tupleLabel(codedTuple(c) as Tuple)).join(', ')}`;
}

/** type_recall and type_source over all (sentence, gold type) pairs; spurious events per sentence. */
export function aggregatePloverSentences(results: readonly SentenceResult[]): ScoreSet {
  const goldTypes = sum(results.map((r) => r.goldTypes));
  const typeHits = sum(results.map((r) => r.typeHits));
  const typeSourceHits = sum(results.map((r) => r.typeSourceHits));
  const spurious = sum(results.map((r) => r.spurious));
  const scores: Record<string, number> = {};
  setScore(scores, 'type_recall', ratio(typeHits, goldTypes));
  setScore(scores, 'type_source', ratio(typeSourceHits, goldTypes));
  setScore(scores, 'spurious_per_sentence', ratio(spurious, results.length));
  return {
    scores,
    counts: { sentences: results.length, gold_types: goldTypes, type_hits: typeHits, type_source_hits: typeSourceHits, spurious_events: spurious },
    errors: results.flatMap((r) => r.errors),
  };
}

export function scorePloverSentences(pairs: readonly { gold: PloverGsrGoldItem; coded: readonly CodedEvent[] }[]): ScoreSet {
  return aggregatePloverSentences(pairs.map((p) => scorePloverSentence(p.gold, p.coded)));
}

// ---------------------------------------------------------------------------------------------------------
// CAMEO manual examples

export interface CameoResult {
  id: string;
  rootHit: boolean;
  leafHit: boolean;
  errors: ErrorExample[];
}

/**
 * Root recall: the gold root is among the roots of all coded events (statements included: the caller
 * decides whether the coder emits them). Leaf: the gold code equals some coded event's code.
 * Errors: `missed type` (root absent), `wrong leaf` (root right, code wrong), `spurious event` (each
 * coded event of another root).
 */
export function scoreCameoSentence(gold: CameoGoldItem, coded: readonly CodedEvent[]): CameoResult {
  const rootHit = coded.some((c) => c.cameo_root === gold.cameo_root);
  const leafHit = coded.some((c) => c.cameo === gold.cameo);
  const label = `cameo ${gold.cameo} (root ${gold.cameo_root})`;
  const errors: ErrorExample[] = [];
  const base = { item: gold.id, tuple: null, sentence: gold.text, trigger: null, rule: null };
  if (!rootHit) errors.push({ ...base, kind: 'missed type', side: 'missed', label, note: null });
  else if (!leafHit) {
    const codes = coded.filter((c) => c.cameo_root === gold.cameo_root).map((c) => c.cameo);
    errors.push({ ...base, kind: 'wrong leaf', side: 'missed', label, note: `coded ${codes.join(', ')}` });
  }
  for (const c of coded.filter((x) => x.cameo_root !== gold.cameo_root)) {
    errors.push({
      kind: 'spurious event', side: 'spurious', item: gold.id, label: `cameo ${c.cameo} (root ${c.cameo_root})`,
      tuple: codedTuple(c), sentence: c.sentence_text, trigger: c.trigger.text, rule: c.rule, note: `gold ${gold.cameo}`,
    });
  }
  return { id: gold.id, rootHit, leafHit, errors };
}

export function aggregateCameo(results: readonly CameoResult[]): ScoreSet {
  const roots = results.filter((r) => r.rootHit).length;
  const leaves = results.filter((r) => r.leafHit).length;
  const scores: Record<string, number> = {};
  setScore(scores, 'root_recall', ratio(roots, results.length));
  setScore(scores, 'leaf_accuracy', ratio(leaves, results.length));
  return {
    scores,
    counts: { sentences: results.length, root_hits: roots, leaf_hits: leaves },
    errors: results.flatMap((r) => r.errors),
  };
}

export function scoreCameoSentences(pairs: readonly { gold: CameoGoldItem; coded: readonly CodedEvent[] }[]): ScoreSet {
  return aggregateCameo(pairs.map((p) => scoreCameoSentence(p.gold, p.coded)));
}

// ---------------------------------------------------------------------------------------------------------
// Error summaries

/** Error counts by kind, most frequent first (ties by name). */
export function countErrorKinds(errors: readonly ErrorExample[]): { kind: ErrorKind; count: number }[] {
  const m = new Map<ErrorKind, number>();
  for (const e of errors) m.set(e.kind, (m.get(e.kind) ?? 0) + 1);
  return [...m].map(([kind, count]) => ({ kind, count })).sort((a, b) => b.count - a.count || a.kind.localeCompare(b.kind));
}

/**
 * Picks at most `limit` examples, shared round-robin across kinds so rarer kinds are shown too, and
 * returns them grouped by kind, most frequent kind first, in input order within a kind.
 */
export function selectExamples(errors: readonly ErrorExample[], limit: number): ErrorExample[] {
  const kinds = countErrorKinds(errors).map((k) => k.kind);
  const byKind = new Map(kinds.map((k) => [k, errors.filter((e) => e.kind === k)]));
  const taken = new Map<ErrorKind, number>(kinds.map((k) => [k, 0]));
  let total = 0;
  for (let round = 0; total < limit; round++) {
    let progressed = false;
    for (const k of kinds) {
      if (total >= limit) break;
      if ((byKind.get(k)?.length ?? 0) > round) {
        taken.set(k, round + 1);
        total++;
        progressed = true;
      }
    }
    if (!progressed) break;
  }
  return kinds.flatMap((k) => (byKind.get(k) ?? []).slice(0, taken.get(k) ?? 0));
}
