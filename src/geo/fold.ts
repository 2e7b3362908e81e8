/**
 * Place-name keys: the one normal form every gazetteer name and every text span is compared in.
 * Lower case, Latin letters without diacritics, apostrophes and full stops dropped, hyphens and
 * commas read as spaces, runs of spaces collapsed: "Kälbäjär", "Kalbajar" -> "kalbajar";
 * "Nagorno-Karabakh" -> "nagorno karabakh"; "St. Louis" -> "st louis"; "Sana’a" -> "sanaa".
 * Names in other scripts have no key (null): the coder reads English text.
 */

/** Latin letters that Unicode decomposition does not reduce to a base letter plus marks. */
const SPECIAL: Record<string, string> = {
  'ı': 'i', 'ł': 'l', 'ø': 'o', 'đ': 'd', 'ð': 'd', 'þ': 'th', 'æ': 'ae', 'œ': 'oe', 'ß': 'ss', 'ħ': 'h',
  'ŧ': 't', 'ə': 'e', 'ǝ': 'e', 'ŀ': 'l', 'ĸ': 'k', 'ŋ': 'n', 'ɨ': 'i', 'ƒ': 'f', 'ʻ': '', 'ʼ': '', 'ʿ': '',
  'ʾ': '', '’': '', '‘': '', '´': '', '‐': ' ', '‑': ' ', '‒': ' ', '–': ' ', '—': ' ', '\u00a0': ' ',
};

const PLAIN = /^[\x20-\x7e]*$/;
const MARKS = /\p{M}/gu;
const KEY_OK = /^[a-z0-9 &]+$/;

function asciiKey(s: string): string | null {
  let out = '';
  let space = true; // drops leading spaces and collapses runs
  for (let i = 0; i < s.length; i++) {
    let c = s.charCodeAt(i);
    if (c >= 65 && c <= 90) c += 32;
    if (c === 39 || c === 46 || c === 96) continue; // ' . `
    if (c === 45 || c === 44 || c === 32 || c === 9 || c === 10 || c === 13) {
      if (!space) out += ' ';
      space = true;
      continue;
    }
    out += String.fromCharCode(c);
    space = false;
  }
  if (out.endsWith(' ')) out = out.slice(0, -1);
  return out.length > 0 && KEY_OK.test(out) ? out : null;
}

/** The key of a place name or text span; null when it has no Latin-script key. */
export function placeKey(s: string): string | null {
  if (PLAIN.test(s)) return asciiKey(s);
  let t = s.toLowerCase().normalize('NFD').replace(MARKS, '');
  if (!PLAIN.test(t)) {
    let m = '';
    for (const ch of t) m += SPECIAL[ch] ?? ch;
    t = m;
    if (!PLAIN.test(t)) return null;
  }
  return asciiKey(t);
}
