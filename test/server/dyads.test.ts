/** GET /api/dyad, /api/dyad/events, /api/dyads, /api/network on the seed article and the Wikinews samples. */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { testServer, type TestServer } from './helpers.js';

let s: TestServer;
before(async () => { s = await testServer(); });
after(async () => { await s.close(); });

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

test('dyad: IRN-AZE series, buckets from the first to the last event, counts that add up', async () => {
  const r = await s.get('/api/dyad?a=IRN&b=AZE');
  assert.equal(r.status, 200);
  const d = r.body;
  assert.equal(d.a_name, 'Iran');
  assert.equal(d.b_name, 'Azerbaijan');
  assert.ok(d.total > 0);
  const listed = (await s.get('/api/events?dyad=IRN:AZE&both=true&limit=1000')).body.total;
  assert.equal(d.total + d.undated, listed, 'the series holds every event of the pair');
  assert.equal(sum(d.buckets.map((b: any) => b.events)), d.total);
  for (const b of d.buckets) {
    assert.equal(sum(b.by_quad), b.events);
    assert.equal(sum(Object.values(b.by_type) as number[]), b.events);
    assert.ok(b.from_a <= b.events);
    if (b.events) assert.ok(b.goldstein_mean >= -10 && b.goldstein_mean <= 10);
    else assert.equal(b.goldstein_mean, null);
  }
  assert.ok(d.buckets[0].events > 0 && d.buckets[d.buckets.length - 1].events > 0, 'starts and ends with events');
  // Contiguous daily buckets (auto picks days for a span of a month).
  assert.equal(d.interval, 'day');
  for (let i = 1; i < d.buckets.length; i++) {
    assert.equal(Date.parse(d.buckets[i].start) - Date.parse(d.buckets[i - 1].start), 86_400_000);
  }
  assert.ok(d.buckets.some((b: any) => b.period === '2021-08-31' && b.by_quad[0] > 0), 'the phone call of 31 August is verbal cooperation');
});

test('dyad: ARM-AZE is background in the seed: hidden by default, shown with include_historical', async () => {
  const hidden = (await s.get('/api/dyad?a=ARM&b=AZE')).body;
  assert.equal(hidden.total, 0);
  assert.ok(hidden.historical_hidden > 0, 'the view can say how many background events there are');
  const shown = (await s.get('/api/dyad?a=ARM&b=AZE&include_historical=true&interval=month')).body;
  assert.equal(shown.total, hidden.historical_hidden);
  assert.equal(shown.historical_hidden, 0);
  assert.equal(shown.interval, 'month');
  const july = shown.buckets.find((b: any) => b.period === '2021-07');
  assert.ok(july && july.by_quad[3] > 0, 'material conflict (clashes) in July 2021');
  assert.ok(july.goldstein_mean < 0);
  // One way and the other add up to both ways (no event has the same country on both sides here).
  const ab = (await s.get('/api/dyad?a=ARM&b=AZE&include_historical=true&direction=a_to_b')).body;
  const ba = (await s.get('/api/dyad?a=ARM&b=AZE&include_historical=true&direction=b_to_a')).body;
  assert.equal(ab.total + ba.total, shown.total);
  assert.ok(ab.buckets.every((b: any) => b.from_a === b.events), 'a_to_b: every event has ARM as source');
  assert.ok(ba.buckets.every((b: any) => b.from_a === 0));
});

test('dyad: weeks start on Monday; a range too fine for the interval is refused', async () => {
  const w = (await s.get('/api/dyad?a=ARM&b=AZE&include_historical=true&interval=week')).body;
  for (const b of w.buckets) assert.equal(new Date(b.start + 'T00:00:00Z').getUTCDay(), 1, `${b.start} is a Monday`);
  const ranged = (await s.get('/api/dyad?a=IRN&b=AZE&from=2021-08-01&to=2021-09-30&interval=week')).body;
  assert.equal(ranged.buckets[0].start, '2021-07-26', 'the week holding from');
  assert.equal(ranged.buckets[ranged.buckets.length - 1].start, '2021-09-27');
  const tooMany = await s.get('/api/dyad?a=IRN&b=AZE&from=2000-01-01&to=2021-12-31&interval=day');
  assert.equal(tooMany.status, 400);
  assert.match(tooMany.body.error, /query parameter "interval": day gives 8036 buckets/);
});

test('dyad: bad parameters are 400s naming the parameter', async () => {
  const cases: [string, RegExp][] = [
    ['/api/dyad?a=IRN', /missing query parameter "b"/],
    ['/api/dyad?a=iran&b=AZE', /query parameter "a" must be an actor code or code prefix in capitals/],
    ['/api/dyad?a=IRN&b=AZE&interval=year', /"interval" must be one of auto, day, week, month, got "year"/],
    ['/api/dyad?a=IRN&b=AZE&direction=up', /"direction" must be one of both, a_to_b, b_to_a/],
    ['/api/dyad?a=IRN&b=AZE&actor=IRN', /unknown query parameter "actor"/],
    ['/api/dyad/events?a=IRN&b=AZE&interval=day', /missing query parameter "period"/],
    ['/api/dyad/events?a=IRN&b=AZE&interval=week&period=2021-08-31', /"period" must be the Monday of a week, YYYY-MM-DD for interval week, got "2021-08-31"/],
    ['/api/dyad/events?a=IRN&b=AZE&interval=month&period=2021-08-31', /"period" must be a month YYYY-MM for interval month/],
    ['/api/dyad/events?a=IRN&b=AZE&interval=auto&period=2021-08', /"interval" must be one of day, week, month/],
  ];
  for (const [url, re] of cases) {
    const r = await s.get(url);
    assert.equal(r.status, 400, url);
    assert.match(r.body.error, re, url);
  }
});

test('dyad events: the events of each bucket, adding up to the series', async () => {
  const d = (await s.get('/api/dyad?a=ARM&b=AZE&include_historical=true&interval=month')).body;
  let total = 0;
  for (const b of d.buckets.filter((x: any) => x.events)) {
    const page = (await s.get(`/api/dyad/events?a=ARM&b=AZE&include_historical=true&interval=month&period=${b.period}&limit=1000`)).body;
    assert.equal(page.total, b.events, b.period);
    for (const e of page.events) assert.ok(e.date.startsWith(b.period.slice(0, 4)), `${e.date} in ${b.period}`);
    total += page.total;
  }
  assert.equal(total, d.total);
  const week = (await s.get('/api/dyad/events?a=IRN&b=AZE&interval=week&period=2021-08-30')).body;
  assert.ok(week.total > 0 && week.events.every((e: any) => e.date === '2021-08-31'));
});

test('dyads: the most active pairs of different countries, undirected or directed', async () => {
  const top = (await s.get('/api/dyads?include_historical=true')).body;
  assert.equal(top.level, 'country');
  const pairs = top.dyads.map((d: any) => `${d.a}-${d.b}`);
  assert.ok(pairs.includes('AZE-IRN'), pairs.join());
  assert.ok(pairs.includes('ARM-AZE'), pairs.join());
  for (const d of top.dyads) {
    assert.ok(d.a < d.b, 'undirected pairs in alphabetical order');
    assert.equal(d.a_to_b + d.b_to_a, d.events);
    assert.equal(sum(d.by_quad), d.events);
  }
  const counts = top.dyads.map((d: any) => d.events);
  assert.deepEqual(counts, [...counts].sort((a: number, b: number) => b - a));
  const aze = top.dyads.find((d: any) => d.a === 'AZE' && d.b === 'IRN');
  const dir = (await s.get('/api/dyads?include_historical=true&directed=true&limit=500')).body.dyads;
  const fwd = dir.find((d: any) => d.a === 'AZE' && d.b === 'IRN');
  const back = dir.find((d: any) => d.a === 'IRN' && d.b === 'AZE');
  assert.equal(fwd.events + back.events, aze.events);
  const codes = (await s.get('/api/dyads?level=code&include_historical=true&limit=500')).body.dyads;
  assert.ok(codes.some((d: any) => d.a === 'AZEGOV' && d.b === 'IRNGOV'));
  assert.ok(codes.every((d: any) => d.a !== d.b));
  assert.equal((await s.get('/api/dyads?limit=1')).body.dyads.length, 1);
  const bad = await s.get('/api/dyads?level=region');
  assert.equal(bad.status, 400);
  assert.match(bad.body.error, /"level" must be one of country, code/);
});

test('network: nodes and edges of a period, edge weights and mean Goldstein', async () => {
  const n = (await s.get('/api/network?include_historical=true')).body;
  const ids = new Set(n.nodes.map((x: any) => x.id));
  assert.ok(ids.has('IRN') && ids.has('AZE') && ids.has('ARM'));
  for (const e of n.edges) assert.ok(ids.has(e.a) && ids.has(e.b));
  const irn = n.nodes.find((x: any) => x.id === 'IRN');
  assert.equal(irn.events, sum(n.edges.filter((e: any) => e.a === 'IRN' || e.b === 'IRN').map((e: any) => e.events)));
  const armAze = n.edges.find((e: any) => e.a === 'ARM' && e.b === 'AZE');
  assert.ok(armAze.goldstein_mean < 0, 'Armenia-Azerbaijan is conflict');
  const period = (await s.get('/api/network?from=2021-08-31&to=2021-08-31')).body;
  assert.ok(!period.nodes.some((x: any) => x.id === 'ARM'), 'no Armenian events on 31 August');
  const strong = (await s.get('/api/network?include_historical=true&min_events=3')).body;
  assert.ok(strong.edges.every((e: any) => e.events >= 3));
  const one = (await s.get('/api/network?include_historical=true&max_edges=1')).body;
  assert.equal(one.edges.length, 1);
  assert.equal(one.more_edges, true);
  const bad = await s.get('/api/network?max_edges=0');
  assert.equal(bad.status, 400);
  assert.match(bad.body.error, /"max_edges" must be at least 1/);
});

test('dyad: match=exact takes the codes as they are (a pair of the code-level top list), not as prefixes', async () => {
  const codes = (await s.get('/api/dyads?level=code&include_historical=true&limit=500')).body.dyads;
  const pair = codes.find((d: any) => d.a === 'AZEGOV' && d.b === 'IRNGOV');
  const exact = (await s.get('/api/dyad?a=AZEGOV&b=IRNGOV&match=exact&include_historical=true')).body;
  assert.equal(exact.total + exact.undated, pair.events, 'the same events as the code-level pair');
  assert.equal(sum(exact.buckets.map((b: any) => b.from_a)), pair.a_to_b);
  const country = (await s.get('/api/dyad?a=IRN&b=AZE&match=exact&include_historical=true')).body;
  const prefix = (await s.get('/api/dyad?a=IRN&b=AZE&include_historical=true')).body;
  assert.ok(country.total < prefix.total, 'IRN exactly is fewer events than IRN and its sectors');
  const all = (await s.get('/api/events?include_historical=true&limit=1000')).body.events;
  const want = all.filter((e: any) => [e.source?.code, e.target?.code].sort().join() === 'AZE,IRN' && e.date).length;
  assert.equal(country.total, want);
  const ev = (await s.get(`/api/dyad/events?a=AZEGOV&b=IRNGOV&match=exact&include_historical=true&interval=day&period=2021-08-31&limit=1000`)).body;
  assert.ok(ev.total > 0 && ev.events.every((e: any) => [e.source.code, e.target.code].sort().join() === 'AZEGOV,IRNGOV'));
  const bad = await s.get('/api/dyad?a=IRN&b=AZE&match=fuzzy');
  assert.equal(bad.status, 400);
  assert.match(bad.body.error, /"match" must be one of prefix, exact/);
});
