/**
 * JSON schemas of the API's parameters (fastify validates them with Ajv before a handler runs) and,
 * for each parameter, the words an error message uses to say what was expected.
 */

export const DAY_PATTERN = '^\\d{4}-\\d{2}-\\d{2}$';
/** A CAMEO-style actor code or code prefix: country or organisation, optionally a sector (IRN, IRNGOV, IGOUNO). */
export const CODE_PATTERN = '^[A-Z]{2,9}$';

type Schema = Record<string, unknown>;

const str = (extra: Schema = {}): Schema => ({ type: 'string', ...extra });

/** The event filters shared by every event query (the options of `dyad events`). */
export const FILTER_PROPERTIES: Record<string, Schema> = {
  actor: str({ minLength: 1, maxLength: 200 }),
  dyad: str({ pattern: '^(?:[A-Z]{2,9}|\\*)?:(?:[A-Z]{2,9}|\\*)?$' }),
  both: { type: 'boolean' },
  type: str({ pattern: '^[A-Za-z]{2,20}$' }),
  cameo: str({ pattern: '^\\d{2,4}$' }),
  from: str({ pattern: DAY_PATTERN }),
  to: str({ pattern: DAY_PATTERN }),
  country: str({ pattern: '^[A-Z]{3}$' }),
  include_historical: { type: 'boolean' },
  min_sources: { type: 'integer', minimum: 1, maximum: 1_000_000 },
  place: str({ minLength: 1, maxLength: 200 }),
};

export const PAGE_PROPERTIES: Record<string, Schema> = {
  limit: { type: 'integer', minimum: 1, maximum: 1000 },
  offset: { type: 'integer', minimum: 0, maximum: 10_000_000 },
};

/** A querystring schema: the given properties and nothing else (an unknown parameter is an error, not ignored). */
export function querySchema(properties: Record<string, Schema>, required: string[] = []): Schema {
  return { type: 'object', properties, required, additionalProperties: false };
}

export const ID_PARAMS: Schema = {
  type: 'object',
  properties: { id: str({ pattern: '^[1-9]\\d{0,15}$' }) },
  required: ['id'],
  additionalProperties: false,
};

/** What a parameter must look like, in the words of an error message ("... must be <this>"). */
export const EXPECTED: Record<string, string> = {
  dyad: 'SOURCE:TARGET actor codes such as IRN:AZE or IRNGOV:* (capital letters)',
  type: 'a PLOVER event type such as ASSAULT or CONSULT',
  cameo: 'a CAMEO code prefix of 2-4 digits such as 19 or 0234',
  from: 'a date YYYY-MM-DD',
  to: 'a date YYYY-MM-DD',
  published: 'a date YYYY-MM-DD',
  period: 'a period of the interval: YYYY-MM-DD (day, or the Monday of a week) or YYYY-MM (month)',
  country: 'an ISO 3166 alpha-3 country code in capitals such as AZE',
  a: 'an actor code or code prefix in capitals such as IRN or IRNGOV',
  b: 'an actor code or code prefix in capitals such as AZE or AZEMIL',
  id: 'a positive whole number',
};

/**
 * Query strings need type coercion ("5" -> 5), and fastify's validator applies it to bodies too: a
 * JSON body with `"text": 42` would pass as "42". This check runs before validation and refuses
 * body fields whose JSON type differs from the schema's (top-level fields only: the bodies are flat).
 */
export function bodyTypeError(schema: Schema, body: unknown): string | null {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return null;
  const props = (schema.properties ?? {}) as Record<string, Schema>;
  for (const [k, v] of Object.entries(body as Record<string, unknown>)) {
    const want = props[k]?.type;
    if (want === undefined) continue;
    const got = v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v;
    const ok = want === 'integer' ? Number.isInteger(v) : got === want;
    if (!ok) {
      const expected = want === 'boolean' ? 'true or false' : want === 'integer' ? 'a whole number' : `of type ${String(want)}`;
      return `body field "${k}" must be ${expected}, got ${JSON.stringify(v)}`;
    }
  }
  return null;
}
