/**
 * Publication dates from page metadata and feeds, normalised to ISO 8601.
 *
 * Output is either a calendar date `YYYY-MM-DD` (the input had no time of day) or a timestamp
 * `YYYY-MM-DDTHH:MM:SS` followed by the input's own UTC offset (`Z` for zero, `+05:30`), or no
 * offset when the input gave none. The offset is kept rather than converted to UTC so the date part
 * stays the publisher's local date, which is what relative dates in the text ("on Tuesday") refer to.
 *
 * Accepted inputs: ISO 8601 (`2021-03-04`, `2021-03-04T10:00`, `2021-03-04 10:00:00.123+0100`,
 * `2021/03/04`, `20210304`), RFC 822/2822 as in RSS (`Thu, 04 Mar 2021 10:00:00 +0100`, `... GMT`,
 * US zone names) and English month-name dates (`March 4, 2021`, `4 Mar. 2021`, with an optional
 * weekday; any time after them is ignored). Anything else, or an impossible date, gives null.
 */

const MONTHS: Record<string, number> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6, june: 6,
  jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10,
  nov: 11, november: 11, dec: 12, december: 12,
};

/** RFC 822 zone names (RFC 2822 section 4.3) as minutes east of UTC. */
const ZONES: Record<string, number> = {
  z: 0, ut: 0, utc: 0, gmt: 0,
  est: -300, edt: -240, cst: -360, cdt: -300, mst: -420, mdt: -360, pst: -480, pdt: -420,
};

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

function validDate(y: number, m: number, d: number): boolean {
  if (y < 1800 || y > 2200 || m < 1 || m > 12 || d < 1) return false;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return d <= days;
}

function ymd(y: number, m: number, d: number): string {
  return `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
}

/** "+01:00" / "Z" from minutes east of UTC. */
function offsetText(min: number): string {
  if (min === 0) return 'Z';
  const sign = min < 0 ? '-' : '+';
  const a = Math.abs(min);
  return `${sign}${pad(Math.floor(a / 60))}:${pad(a % 60)}`;
}

/** Parses "+0100", "+01:00", "-05", "Z", "GMT", "EST" into minutes east of UTC; undefined when unknown. */
function parseZone(z: string | undefined): number | undefined {
  if (!z) return undefined;
  const named = ZONES[z.toLowerCase()];
  if (named !== undefined) return named;
  const m = /^([+-])(\d{2}):?(\d{2})?$/.exec(z);
  if (!m) return undefined;
  const h = Number(m[2]);
  const mi = Number(m[3] ?? '0');
  if (h > 14 || mi > 59) return undefined;
  return (m[1] === '-' ? -1 : 1) * (h * 60 + mi);
}

function timestamp(y: number, mo: number, d: number, h: number, mi: number, s: number, zone: string | undefined): string | null {
  if (!validDate(y, mo, d) || h > 23 || mi > 59 || s > 60) return null;
  let out = `${ymd(y, mo, d)}T${pad(h)}:${pad(mi)}:${pad(Math.min(s, 59))}`;
  if (zone !== undefined && zone !== '') {
    const off = parseZone(zone);
    if (off === undefined) return null;
    out += offsetText(off);
  }
  return out;
}

const ISO_RE = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;
const COMPACT_RE = /^(\d{4})(\d{2})(\d{2})$/;
const RFC822_RE = /^(?:[a-z]{3,9},?\s+)?(\d{1,2})\s+([a-z]{3,9})\.?,?\s+(\d{2}|\d{4})(?:,?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s*([a-z]{1,5}|[+-]\d{4}|[+-]\d{2}:\d{2}))?)?$/i;
const MONTH_FIRST_RE = /^(?:[a-z]{3,9},?\s+)?([a-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b/i;
const DAY_FIRST_RE = /^(?:[a-z]{3,9},?\s+)?(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]{3,9})\.?,?\s+(\d{4})\b/i;

/** Normalises a date string from metadata; null when it is not a recognisable, valid date. */
export function normaliseDate(raw: string | null | undefined): string | null {
  if (typeof raw !== 'string') return null;
  const s = raw.trim().replace(/\s+/g, ' ');
  if (s === '' || s.length > 64) return null;

  let m = ISO_RE.exec(s);
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (m[4] === undefined) return validDate(y, mo, d) ? ymd(y, mo, d) : null;
    return timestamp(y, mo, d, Number(m[4]), Number(m[5]), Number(m[6] ?? '0'), m[7]);
  }
  m = COMPACT_RE.exec(s);
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    return validDate(y, mo, d) ? ymd(y, mo, d) : null;
  }
  m = RFC822_RE.exec(s);
  if (m) {
    const mo = MONTHS[m[2].toLowerCase()];
    if (mo === undefined) return null;
    let y = Number(m[3]);
    if (m[3].length === 2) y += y < 50 ? 2000 : 1900;
    const d = Number(m[1]);
    if (m[4] === undefined) return validDate(y, mo, d) ? ymd(y, mo, d) : null;
    const zone = m[7];
    // An unknown zone name (military letters, "CET") keeps the local time without an offset.
    const known = zone === undefined || parseZone(zone) !== undefined;
    return timestamp(y, mo, d, Number(m[4]), Number(m[5]), Number(m[6] ?? '0'), known ? zone : undefined);
  }
  m = MONTH_FIRST_RE.exec(s);
  if (m) {
    const mo = MONTHS[m[1].toLowerCase()];
    const [d, y] = [Number(m[2]), Number(m[3])];
    return mo !== undefined && validDate(y, mo, d) ? ymd(y, mo, d) : null;
  }
  m = DAY_FIRST_RE.exec(s);
  if (m) {
    const mo = MONTHS[m[2].toLowerCase()];
    const [d, y] = [Number(m[1]), Number(m[3])];
    return mo !== undefined && validDate(y, mo, d) ? ymd(y, mo, d) : null;
  }
  return null;
}
