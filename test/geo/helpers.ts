/** Shared helpers for the geo tests: one gazetteer per test process, events located by trigger word. */
import { analyse, type TextDoc } from '../../src/pipeline/text.js';
import { loadGeoIndex, eventLocation, articlePlaces, type GeoIndex } from '../../src/geo/index.js';
import type { LocationRef } from '../../src/pipeline/types.js';

export function geo(): GeoIndex {
  return loadGeoIndex();
}

/** The sentence (token range) that holds token k. */
function sentenceOf(doc: TextDoc, k: number): [number, number] {
  const s = doc.sentStart.findIndex((a, i) => a <= k && k < doc.sentEnd[i]);
  return [doc.sentStart[s], doc.sentEnd[s]];
}

/**
 * Locates the event whose trigger is the first token equal to `trigger` (lower case), with the
 * article's own place counts as context plus the given actor countries.
 */
export function locate(text: string, trigger: string, actorCountries: string[] = []): LocationRef | null {
  const g = geo();
  const doc = analyse(text);
  const k = doc.lower.indexOf(trigger);
  if (k < 0) throw new Error(`trigger "${trigger}" not in "${text}"`);
  const [from, to] = sentenceOf(doc, k);
  const a = articlePlaces(g, doc);
  return eventLocation(g, doc, from, to, { start: k, end: k + 1 }, { actorCountries, articleCountries: a.countries, articleAdmin1: a.admin1 });
}

/** "name/COUNTRY/precision" for compact assertions, or "null". */
export function where(loc: LocationRef | null): string {
  return loc ? `${loc.name}/${loc.country ?? '-'}/${loc.precision}` : 'null';
}
