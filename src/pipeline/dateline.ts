/**
 * Datelines and wire headers are not part of the story: "TEHRAN -", "SAN SALVADOR, 4 JAN 90 -- [TEXT]".
 * Returns the index of the first token after such a header (0 when there is none).
 */
import type { TextDoc } from './text.js';

const DASHES = new Set(['-', '–', '—', '--', '―']);

export function datelineEnd(doc: TextDoc): number {
  const limit = Math.min(doc.n, 40);
  // Bracketed wire headers: skip through "[TEXT]" when it comes early.
  for (let k = 0; k + 2 < limit; k++) {
    if (doc.value[k] === '[' && doc.lower[k + 1] === 'text' && doc.value[k + 2] === ']') return k + 3;
  }
  for (let k = 1; k < Math.min(doc.n, 12); k++) {
    if (!DASHES.has(doc.value[k])) continue;
    // A dateline dash stands apart ("TEHRAN - "); a hyphen inside a name does not ("Zia-Ul-Haq").
    if (doc.start[k] === doc.end[k - 1] || (k + 1 < doc.n && doc.start[k + 1] === doc.end[k])) continue;
    // Everything before the dash must look like a place and date: capitalised words, numbers, commas.
    let ok = true;
    for (let j = 0; j < k; j++) {
      const v = doc.value[j];
      if (!(v === ',' || v === '(' || v === ')' || /^\d/.test(v) || /^\p{Lu}/u.test(v) || doc.allCaps)) { ok = false; break; }
    }
    if (ok) return k + 1;
  }
  return 0;
}
