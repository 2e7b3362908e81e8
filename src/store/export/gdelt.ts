/**
 * GDELT 2.0 Events format: one tab-separated line per event, the 61 columns of
 * data/store/gdelt_events_columns.tsv in order (the published column list), no header (as GDELT's
 * files), so existing GDELT readers load it. What dyad fills and what stays empty: data/store/README.md.
 */
import { join } from 'node:path';
import { readTsv, LexiconError, DEFAULT_DATA_DIR } from '../../lexicon/tsv.js';
import { cameoBase, type EventRow } from '../records.js';
import { geoCodes, type GeoCodes } from './geo-codes.js';

export const GDELT_COLUMN_COUNT = 61;

export interface GdeltColumn {
  name: string;
  type: 'INTEGER' | 'FLOAT' | 'STRING';
}

let columns: GdeltColumn[] | null = null;

export function gdeltColumns(dataDir = DEFAULT_DATA_DIR): GdeltColumn[] {
  if (columns && dataDir === DEFAULT_DATA_DIR) return columns;
  const file = 'store/gdelt_events_columns.tsv';
  const rows = readTsv(join(dataDir, file), 2, 2, file);
  const cols = rows.map((r) => {
    if (r.cols[1] !== 'INTEGER' && r.cols[1] !== 'FLOAT' && r.cols[1] !== 'STRING') throw new LexiconError(file, r.line, `type must be INTEGER, FLOAT or STRING, got "${r.cols[1]}"`);
    return { name: r.cols[0], type: r.cols[1] } as GdeltColumn;
  });
  if (cols.length !== GDELT_COLUMN_COUNT) throw new LexiconError(file, rows.at(-1)?.line ?? 1, `expected ${GDELT_COLUMN_COUNT} columns, found ${cols.length}`);
  if (dataDir === DEFAULT_DATA_DIR) columns = cols;
  return cols;
}

/** Tabs and line breaks would break the format: written as spaces. */
function clean(v: string | number | null | undefined): string {
  if (v === null || v === undefined) return '';
  return String(v).replace(/[\t\r\n]+/g, ' ');
}

/** [year, month, day] of the event's date: the first day of a month or year date; the first report's day when undated. */
function eventDay(r: EventRow): [number, number, number] | null {
  const d = r.date ?? r.first_report;
  const m = d ? /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(d) : null;
  if (!m) return null;
  return [Number(m[1]), m[2] ? Number(m[2]) : 1, m[3] ? Number(m[3]) : 1];
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** YYYYMMDDHHMMSS (UTC) of a publication timestamp; a bare date gives midnight. */
function dateAdded(published: string | null): string {
  if (!published) return '';
  if (/^\d{4}-\d{2}-\d{2}$/.test(published)) return published.replace(/-/g, '') + '000000';
  const t = new Date(published);
  if (Number.isNaN(t.getTime())) return /^\d{4}-\d{2}-\d{2}/.test(published) ? published.slice(0, 10).replace(/-/g, '') + '000000' : '';
  return `${t.getUTCFullYear()}${pad(t.getUTCMonth() + 1)}${pad(t.getUTCDate())}${pad(t.getUTCHours())}${pad(t.getUTCMinutes())}${pad(t.getUTCSeconds())}`;
}

function actorColumns(prefix: 'Actor1' | 'Actor2', code: string | null, country: string | null, sector: string | null, name: string | null, present: boolean, g: GeoCodes): Record<string, string> {
  if (!present) return {};
  const isCountry = !!country && g.iso3.has(country);
  const shownName = name ?? (isCountry ? g.names.get(country!) ?? '' : country ?? '');
  return {
    [`${prefix}Code`]: clean(code),
    [`${prefix}Name`]: clean(shownName.toUpperCase()),
    [`${prefix}CountryCode`]: isCountry ? country! : '',
    [`${prefix}KnownGroupCode`]: !isCountry && country ? clean(country) : '',
    [`${prefix}Type1Code`]: clean(sector),
  };
}

/** GDELT's geography type: 1 country, 2 U.S. state, 3 U.S. city, 4 world city, 5 world state. */
function geoColumns(r: EventRow, g: GeoCodes): Record<string, string> {
  if (r.loc_name === null) return {};
  const us = r.loc_country === 'USA';
  const fips = r.loc_country ? g.fips.get(r.loc_country) ?? '' : '';
  const state = us && r.loc_admin1 ? g.usStates.get(r.loc_admin1.toLowerCase()) ?? null : null;
  const type = r.loc_precision === 'country' ? 1 : r.loc_precision === 'admin1' ? (us ? 2 : 5) : r.loc_precision === 'city' ? (us ? 3 : 4) : null;
  const countryName = r.loc_country ? g.names.get(r.loc_country) ?? r.loc_country : null;
  const full = [r.loc_name, r.loc_precision === 'city' && r.loc_admin1 && r.loc_admin1 !== r.loc_name ? r.loc_admin1 : null,
    r.loc_precision !== 'country' && countryName && countryName !== r.loc_name ? countryName : null].filter(Boolean).join(', ');
  const adm1 = type === 1 ? fips : state ? `US${state}` : '';
  return {
    ActionGeo_Type: type === null ? '' : String(type),
    ActionGeo_FullName: clean(full),
    ActionGeo_CountryCode: fips,
    ActionGeo_ADM1Code: adm1,
    ActionGeo_Lat: r.loc_lat === null ? '' : String(r.loc_lat),
    ActionGeo_Long: r.loc_lon === null ? '' : String(r.loc_lon),
    ActionGeo_FeatureID: type === 1 ? fips : type === 2 ? adm1 : '',
  };
}

/** Sentences 0 and 1 (the dateline and lead) count as the lead paragraph for IsRootEvent. */
export const LEAD_SENTENCES = 2;

/** The 61 column values of one event, in order. */
export function gdeltValues(r: EventRow, g: GeoCodes = geoCodes()): string[] {
  const day = eventDay(r);
  const v: Record<string, string> = {
    GLOBALEVENTID: String(r.id),
    SQLDATE: day ? `${day[0]}${pad(day[1])}${pad(day[2])}` : '',
    MonthYear: day ? `${day[0]}${pad(day[1])}` : '',
    Year: day ? String(day[0]) : '',
    FractionDate: day ? (day[0] + (day[1] * 30 + day[2]) / 365).toFixed(4) : '',
    ...actorColumns('Actor1', r.source_code, r.source_country, r.source_sector, r.source_name, r.source_key !== '-', g),
    ...actorColumns('Actor2', r.target_code, r.target_country, r.target_sector, r.target_name, r.target_key !== '-', g),
    IsRootEvent: r.root_sentence < LEAD_SENTENCES ? '1' : '0',
    EventCode: r.cameo,
    EventBaseCode: cameoBase(r.cameo),
    EventRootCode: r.cameo_root,
    QuadClass: String(r.quad_class),
    GoldsteinScale: String(r.goldstein),
    NumMentions: String(r.mentions),
    NumSources: String(r.sources),
    NumArticles: String(r.articles),
    AvgTone: '',
    ...geoColumns(r, g),
    DATEADDED: dateAdded(r.first_report),
    SOURCEURL: clean(r.root_url ?? r.root_article),
  };
  return gdeltColumns().map((c) => v[c.name] ?? '');
}

export function gdeltLine(r: EventRow, g?: GeoCodes): string {
  return gdeltValues(r, g).join('\t') + '\n';
}

export function gdeltHeader(): string {
  return gdeltColumns().map((c) => c.name).join('\t') + '\n';
}
