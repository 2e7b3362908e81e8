/**
 * Gold readers: one JSON Lines file in, typed items out, with the file's kind detected from the fields
 * its items carry (not from the file name):
 *   - `articles`   items with `events` whose events carry article-level fields (seed_article, dev_articles)
 *   - `plover_gsr` items with `events` plus `markup`, or events carrying `plover_v05` (PLOVER gold standard)
 *   - `cameo`      items with `cameo_root` and no `events` (CAMEO manual examples)
 * Malformed input fails with `file:line: message`.
 */
import { readFile } from 'node:fs/promises';
import { z } from 'zod';

export const PLOVER_TYPES = [
  'AGREE', 'CONSULT', 'SUPPORT', 'CONCEDE', 'COOPERATE', 'AID', 'RETREAT', 'REQUEST',
  'ACCUSE', 'REJECT', 'THREATEN', 'PROTEST', 'SANCTION', 'MOBILIZE', 'COERCE', 'ASSAULT',
] as const;

const ploverType = z.enum(PLOVER_TYPES);
const country = z.string().min(1).nullable().default(null);
const sector = z.string().nullable().default(null);
/** Event date as the gold writes it: YYYY-MM-DD, YYYY-MM or YYYY. */
const goldDate = z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'expected YYYY, YYYY-MM or YYYY-MM-DD');
const count = z.number().int().nonnegative().nullable().default(null);
const itemId = z.union([z.string().min(1), z.number()]).transform(String);
const published = z.string().nullable().default(null);

export const articleEventSchema = z.object({
  sentence: z.string().nullable().default(null),
  trigger: z.string().nullable().default(null),
  plover: ploverType,
  cameo_root: z.string().regex(/^\d{2}$/).nullable().default(null),
  source_country: country,
  source_sector: sector,
  target_country: country,
  target_sector: sector,
  date: goldDate.nullable().default(null),
  location_country: country,
  negated: z.boolean().default(false),
  hypothetical: z.boolean().default(false),
  historical: z.boolean().nullable().default(null),
  killed: count,
  wounded: count,
});

export const articleItemSchema = z.object({
  id: itemId,
  text: z.string(),
  published,
  title: z.string().nullable().default(null),
  url: z.string().nullable().default(null),
  events: z.array(articleEventSchema),
  notes: z.string().nullable().default(null),
});

export const ploverGsrEventSchema = z.object({
  trigger: z.string().nullable().default(null),
  plover: ploverType,
  plover_v05: z.string().nullable().default(null),
  mode: z.string().nullable().default(null),
  context: z.string().nullable().default(null),
  source_country: country,
  source_sector: sector,
  target_country: country,
  target_sector: sector,
});

export const ploverGsrItemSchema = z.object({
  id: itemId,
  text: z.string(),
  published,
  events: z.array(ploverGsrEventSchema),
  markup: z.string().nullable().default(null),
});

export const cameoItemSchema = z.object({
  id: itemId,
  text: z.string(),
  published,
  cameo: z.string().regex(/^\d{2,4}$/, 'expected a 2-4 digit CAMEO code'),
  cameo_root: z.string().regex(/^\d{2}$/, 'expected a 2-digit CAMEO root'),
  cameo_name: z.string().nullable().default(null),
  plover: z.string().nullable().default(null),
});

export type ArticleGoldEvent = z.infer<typeof articleEventSchema>;
export type ArticleGoldItem = z.infer<typeof articleItemSchema>;
export type PloverGsrGoldEvent = z.infer<typeof ploverGsrEventSchema>;
export type PloverGsrGoldItem = z.infer<typeof ploverGsrItemSchema>;
export type CameoGoldItem = z.infer<typeof cameoItemSchema>;

export type GoldKind = 'articles' | 'plover_gsr' | 'cameo';

export type GoldFile =
  | { file: string; kind: 'articles'; items: ArticleGoldItem[] }
  | { file: string; kind: 'plover_gsr'; items: PloverGsrGoldItem[] }
  | { file: string; kind: 'cameo'; items: CameoGoldItem[] };

/** Any gold item: what the eval turns into an Article to code. */
export type GoldItem = ArticleGoldItem | PloverGsrGoldItem | CameoGoldItem;

/** A problem in a gold file, located by file and 1-based line number. */
export class GoldFormatError extends Error {
  constructor(readonly file: string, readonly line: number, detail: string) {
    super(`${file}:${line}: ${detail}`);
    this.name = 'GoldFormatError';
  }
}

interface RawLine {
  line: number;
  value: unknown;
}

/** Reads and parses a gold file. */
export async function readGoldFile(file: string): Promise<GoldFile> {
  return parseGold(await readFile(file, 'utf8'), file);
}

/** Parses gold JSONL text; `file` is only used in error messages and the result. Blank lines are skipped. */
export function parseGold(text: string, file: string): GoldFile {
  const lines = parseJsonLines(text, file);
  if (lines.length === 0) throw new GoldFormatError(file, 1, 'no items');
  const kind = fileKind(lines, file);
  switch (kind) {
    case 'articles':
      return { file, kind, items: lines.map((l) => validate(articleItemSchema, l, file)) };
    case 'plover_gsr':
      return { file, kind, items: lines.map((l) => validate(ploverGsrItemSchema, l, file)) };
    case 'cameo':
      return { file, kind, items: lines.map((l) => validate(cameoItemSchema, l, file)) };
  }
}

/** Splits JSON Lines text into parsed values, each with its line number. */
export function parseJsonLines(text: string, file: string): RawLine[] {
  const out: RawLine[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    if (raw.trim() === '') return;
    try {
      out.push({ line: i + 1, value: JSON.parse(raw) as unknown });
    } catch (e) {
      throw new GoldFormatError(file, i + 1, `invalid JSON: ${(e as Error).message}`);
    }
  });
  return out;
}

/** The kind shared by every item of the file; mixed or unrecognisable items are errors. */
function fileKind(lines: RawLine[], file: string): GoldKind {
  let kind: GoldKind | null = null;
  for (const { line, value } of lines) {
    const k = detectItemKind(value);
    if (k === null) {
      throw new GoldFormatError(file, line, 'not a gold item: expected an object with `events` or `cameo_root`');
    }
    if (kind !== null && k !== kind) {
      throw new GoldFormatError(file, line, `item looks like ${k} but earlier items are ${kind}`);
    }
    kind = k;
  }
  return kind as GoldKind;
}

/** Detects a single item's kind from its fields; null when it is none of the known kinds. */
export function detectItemKind(value: unknown): GoldKind | null {
  if (!isRecord(value)) return null;
  if (Array.isArray(value.events)) return isPloverGsr(value, value.events) ? 'plover_gsr' : 'articles';
  if ('cameo_root' in value) return 'cameo';
  return null;
}

function isPloverGsr(item: Record<string, unknown>, events: unknown[]): boolean {
  if ('markup' in item) return true;
  if (events.some((e) => isRecord(e) && 'plover_v05' in e)) return true;
  return typeof item.id === 'string' && item.id.startsWith('PLOVER-GSR');
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function validate<T extends z.ZodType>(schema: T, raw: RawLine, file: string): z.output<T> {
  const r = schema.safeParse(raw.value);
  if (r.success) return r.data;
  throw new GoldFormatError(file, raw.line, formatIssues(r.error.issues));
}

function formatIssues(issues: readonly z.core.$ZodIssue[]): string {
  return issues
    .slice(0, 3)
    .map((i) => (i.path.length > 0 ? `${i.path.map(String).join('.')}: ${i.message}` : i.message))
    .join('; ');
}
