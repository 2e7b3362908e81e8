/**
 * A sorted table of place-name keys -> posting lists, held in one string and three typed arrays
 * (no per-key objects: half a million keys cost a few MB and load without parsing).
 * Lookups are binary searches: exact key, and "does any key continue this one" for extending a span.
 */

export interface KeyIndex {
  /** Every key, sorted (code-unit order), concatenated without separators. */
  blob: string;
  /** Key k is blob[keyOff[k], keyOff[k + 1]). Length K + 1. */
  keyOff: Uint32Array;
  /** Postings of key k are post[postOff[k], postOff[k + 1]). Length K + 1. */
  postOff: Uint32Array;
  post: Uint32Array;
}

/** Builds the index from key -> postings (postings are kept in the order given). */
export function buildKeyIndex(map: Map<string, number[]>): KeyIndex {
  const keys = [...map.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const keyOff = new Uint32Array(keys.length + 1);
  const postOff = new Uint32Array(keys.length + 1);
  let total = 0;
  for (const k of keys) total += map.get(k)!.length;
  const post = new Uint32Array(total);
  let at = 0;
  let p = 0;
  for (let i = 0; i < keys.length; i++) {
    keyOff[i] = at;
    postOff[i] = p;
    at += keys[i].length;
    for (const x of map.get(keys[i])!) post[p++] = x;
  }
  keyOff[keys.length] = at;
  postOff[keys.length] = p;
  return { blob: keys.join(''), keyOff, postOff, post };
}

export function keyCount(ix: KeyIndex): number {
  return ix.keyOff.length - 1;
}

/** Compares key k with q: negative when the key sorts before q. */
function compare(ix: KeyIndex, k: number, q: string): number {
  const a = ix.keyOff[k];
  const n = ix.keyOff[k + 1] - a;
  const m = q.length;
  const l = n < m ? n : m;
  for (let i = 0; i < l; i++) {
    const d = ix.blob.charCodeAt(a + i) - q.charCodeAt(i);
    if (d !== 0) return d;
  }
  return n - m;
}

/** First key >= q. */
function lowerBound(ix: KeyIndex, q: string): number {
  let lo = 0;
  let hi = ix.keyOff.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compare(ix, mid, q) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of key q, or -1. */
export function findKey(ix: KeyIndex, q: string): number {
  const k = lowerBound(ix, q);
  return k < ix.keyOff.length - 1 && compare(ix, k, q) === 0 ? k : -1;
}

/** True when some key starts with q followed by a space (a longer name may follow in the text). */
export function continues(ix: KeyIndex, q: string): boolean {
  const p = q + ' ';
  const k = lowerBound(ix, p);
  if (k >= ix.keyOff.length - 1) return false;
  const a = ix.keyOff[k];
  if (ix.keyOff[k + 1] - a < p.length) return false;
  for (let i = 0; i < p.length; i++) if (ix.blob.charCodeAt(a + i) !== p.charCodeAt(i)) return false;
  return true;
}

/** The postings of key k. */
export function postings(ix: KeyIndex, k: number): Uint32Array {
  return ix.post.subarray(ix.postOff[k], ix.postOff[k + 1]);
}
