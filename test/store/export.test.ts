import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { actor, art, coded, freshStore, place } from './helpers.js';
import type { Store } from '../../src/store/store.js';
import { exportEvents, type ExportFormat } from '../../src/store/export/index.js';
import { EVENT_COLUMNS } from '../../src/store/export/csv.js';
import { gdeltColumns } from '../../src/store/export/gdelt.js';

const REFERENCE = fileURLToPath(new URL('../../../shared/reference/GDELT_2.0_Events_Column_Labels_Header_Row_Sep2016.csv', import.meta.url));

/** An RFC 4180 reader (quoted fields, doubled quotes, line breaks inside quotes), written for this test. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; } else if (c === '"') quoted = false; else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === ',') { row.push(field); field = ''; } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field); rows.push(row); row = []; field = '';
    } else field += c;
  }
  assert.equal(quoted, false, 'an unterminated quoted field');
  if (field !== '' || row.length) { row.push(field); rows.push(row); }
  return rows;
}

/** The published GDELT 2.0 event columns, in order, with their types (first field of each line of the reference CSV). */
function referenceColumns(): { name: string; type: string }[] {
  const rows = parseCsv(readFileSync(REFERENCE, 'utf8')).slice(1).filter((r) => r[0]);
  return rows.map((r) => ({ name: r[0], type: r[1] }));
}

function sample(): Store {
  const s = freshStore();
  const w = s.writer();
  const put = (id: string, fields: Parameters<typeof art>[1], events: ReturnType<typeof coded>[]) => w.write({ article: art(id, fields), origin: id, events, sentences: 2 }, 'c');
  put('a1', { published: '2021-08-31T22:15:00-04:00', url: 'https://news.example/a1', source: 'Courier' }, [
    coded({ source: actor('IRNGOV', 'Hossein "Amir", Abdollahian'), target: 'AZEGOV', cameo: '040', date: '2021-08-31', sentence: 0 }),
    coded({ source: 'ARMMIL', target: 'AZEMIL', cameo: '1823', date: '2021-08', killed: 3, wounded: 2, location: place('Baku', 'AZE', 'city', 40.38, 49.89, 'Baku City'), sentence: 4 }),
  ]);
  put('a2', { published: '2021-09-02', url: 'https://herald.example/a2', source: 'Herald' }, [
    coded({ source: actor('IRNGOV', 'Hossein "Amir", Abdollahian'), target: 'AZEGOV', cameo: '040', date: '2021-08-31' }),
    coded({ source: 'IGOUNO', target: 'USA', cameo: '0256', date: '2021-09-01', location: place('New York City', 'USA', 'city', 40.71, -74.0, 'New York') }),
  ]);
  put('a3', { published: '2021-09-03', url: null, source: null }, [coded({ source: null, target: 'ARM', cameo: '020', date: '2021-09-02', location: place('Armenia', 'ARM', 'country', 40.0, 45.0) })]);
  return s;
}

async function exported(s: Store, format: ExportFormat, header = false): Promise<string> {
  let out = '';
  await exportEvents(s, format, { includeHistorical: true }, (c) => { out += c; }, { header });
  return out;
}

test('CSV: a CSV reader gets the header and one row per event, quotes and commas intact', async () => {
  const s = sample();
  const rows = parseCsv(await exported(s, 'csv'));
  assert.deepEqual(rows[0], EVENT_COLUMNS.map(([n]) => n));
  const events = s.events({ includeHistorical: true });
  assert.equal(rows.length, events.length + 1);
  for (const r of rows.slice(1)) assert.equal(r.length, rows[0].length);
  const col = (name: string) => rows[0].indexOf(name);
  const consult = rows.find((r) => r[col('cameo')] === '040')!;
  assert.equal(consult[col('source_name')], 'Hossein "Amir", Abdollahian');
  assert.deepEqual([consult[col('mentions')], consult[col('sources')], consult[col('articles')]], ['2', '2', '2']);
  const attack = rows.find((r) => r[col('cameo')] === '1823')!;
  assert.deepEqual([attack[col('cameo_base')], attack[col('cameo_root')], attack[col('killed')], attack[col('location_lat')], attack[col('date_precision')]], ['182', '18', '3', '40.38', 'month']);
  s.close();
});

test('the GDELT column list in data/store matches the published one', () => {
  if (!existsSync(REFERENCE)) return; // the reference lives outside the repository (../shared)
  assert.deepEqual(gdeltColumns().map((c) => ({ name: c.name, type: c.type })), referenceColumns());
  assert.equal(gdeltColumns().length, 61);
});

test('GDELT export: a reader written against the published column list parses every line, with the values dyad has', async (t) => {
  if (!existsSync(REFERENCE)) { t.skip('../shared/reference is not present'); return; }
  const s = sample();
  const cols = referenceColumns();
  const text = await exported(s, 'gdelt');
  const lines = text.split('\n').filter(Boolean);
  const events = new Map(s.events({ includeHistorical: true }).map((e) => [e.id, e]));
  assert.equal(lines.length, events.size);
  const records = lines.map((line) => {
    const f = line.split('\t');
    assert.equal(f.length, cols.length, `61 tab-separated fields: ${line}`);
    const r: Record<string, string | number | null> = {};
    cols.forEach((c, i) => {
      const v = f[i];
      if (v === '') r[c.name] = null;
      else if (c.type === 'INTEGER') { assert.match(v, /^-?\d+$/, `${c.name} is an integer: "${v}"`); r[c.name] = Number(v); } else if (c.type === 'FLOAT') { assert.ok(Number.isFinite(Number(v)), `${c.name} is a number: "${v}"`); r[c.name] = Number(v); } else r[c.name] = v;
    });
    return r;
  });
  for (const r of records) {
    const e = events.get(r.GLOBALEVENTID as number)!;
    assert.ok(e, `GLOBALEVENTID ${r.GLOBALEVENTID} is an event id`);
    assert.equal(r.EventCode, e.cameo);
    assert.equal(r.EventRootCode, e.cameo_root);
    assert.equal(r.EventBaseCode, e.cameo_base);
    assert.equal(r.QuadClass, e.quad_class);
    assert.equal(r.GoldsteinScale, e.goldstein);
    assert.deepEqual([r.NumMentions, r.NumSources, r.NumArticles], [e.mentions, e.sources, e.articles]);
    assert.equal(r.Actor1Code, e.source?.code ?? null);
    assert.equal(r.Actor2Code, e.target?.code ?? null);
    assert.equal(r.AvgTone, null);
    assert.equal(String(r.SQLDATE).slice(0, 6), String(r.MonthYear));
    assert.equal(Math.floor(r.MonthYear as number / 100), r.Year);
  }
  const by = (code: string) => records.find((r) => r.EventCode === code)!;
  // The two copies: NumMentions 2, the first report's URL, DATEADDED in UTC.
  assert.deepEqual([by('040').SQLDATE, by('040').Actor1Name, by('040').Actor1CountryCode, by('040').Actor1Type1Code, by('040').SOURCEURL, by('040').DATEADDED, by('040').IsRootEvent],
    [20210831, 'HOSSEIN "AMIR", ABDOLLAHIAN', 'IRN', 'GOV', 'https://news.example/a1', 20210901021500, 1]);
  // A month date is written as its first day; a world city is type 4 with FIPS country code (Azerbaijan = AJ).
  assert.deepEqual([by('1823').SQLDATE, by('1823').FractionDate, by('1823').ActionGeo_Type, by('1823').ActionGeo_CountryCode, by('1823').ActionGeo_FullName, by('1823').ActionGeo_Lat, by('1823').IsRootEvent],
    [20210801, 2021.6603, 4, 'AJ', 'Baku, Baku City, Azerbaijan', 40.38, 0]);
  // An IGO is a known group, not a country; a U.S. city is type 3 with the state in ADM1.
  assert.deepEqual([by('0256').Actor1KnownGroupCode, by('0256').Actor1CountryCode, by('0256').Actor2Name, by('0256').ActionGeo_Type, by('0256').ActionGeo_ADM1Code, by('0256').ActionGeo_CountryCode],
    ['UNO', null, 'UNITED STATES', 3, 'USNY', 'US']);
  // No source actor: the Actor1 columns are empty; a country-level place is type 1 with its FIPS code as feature id; no URL: the article id.
  assert.deepEqual([by('020').Actor1Code, by('020').Actor1Name, by('020').ActionGeo_Type, by('020').ActionGeo_FeatureID, by('020').SOURCEURL], [null, null, 1, 'AM', 'a3']);
  // --header: the column names first.
  assert.equal((await exported(s, 'gdelt', true)).split('\n')[0], cols.map((c) => c.name).join('\t'));
  s.close();
});

test('PLOVER export: JSON records with the PLOVER field names; statements have none', async () => {
  const s = sample();
  s.writer().write({ article: art('st', { source: 'Z' }), origin: 'st', events: [coded({ source: 'IRNGOV', target: null, cameo: '010', plover: null, date: '2021-09-01' })], sentences: 1 }, 'c');
  let out = '';
  const r = await exportEvents(s, 'plover', { includeHistorical: true }, (c) => { out += c; });
  assert.equal(r.left_out, 1);
  const recs = out.trim().split('\n').map((l) => JSON.parse(l));
  assert.equal(recs.length, 4);
  for (const p of recs) {
    for (const k of ['id', 'date', 'actor', 'recipient', 'event', 'mode', 'context', 'quad_code', 'event_scale']) assert.ok(k in p, `${k} in ${JSON.stringify(p)}`);
    assert.ok(Array.isArray(p.event) && p.event.length === 1);
  }
  const attack = recs.find((p) => p.cameo === '1823');
  assert.deepEqual([attack.event[0], attack.actor[0].code, attack.actor[0].sector, attack.size.dead, attack.event_loc.resolved_place, attack.event_loc.resolution], ['ASSAULT', 'ARM', 'MIL', 3, 'Baku', 4]);
  assert.deepEqual(recs.find((p) => p.cameo === '020').actor, []);
  s.close();
});

test('JSONL export: one event record per line', async () => {
  const s = sample();
  const lines = (await exported(s, 'jsonl')).trim().split('\n').map((l) => JSON.parse(l));
  assert.deepEqual(lines, s.events({ includeHistorical: true }).map((e) => JSON.parse(JSON.stringify(e))));
  s.close();
});
