/** Hand-made gold items and coded events for the scorer tests. */
import type { CodedEvent } from '../../src/pipeline/types.js';
import type { ArticleGoldEvent, ArticleGoldItem, CameoGoldItem, PloverGsrGoldItem } from '../../src/eval/gold.js';

export interface EventSpec {
  source?: string | null;
  target?: string | null;
  plover?: string | null;
  cameo?: string;
  negated?: boolean;
  hypothetical?: boolean;
  date?: string | null;
  precision?: CodedEvent['date_precision'];
  historical?: boolean | null;
  location?: string | null;
  killed?: number | null;
  wounded?: number | null;
  sentence?: string;
  trigger?: string;
  rule?: string;
}

function actor(country: string | null | undefined): CodedEvent['source'] {
  if (country === undefined || country === null) return null;
  return { text: country, code: country, country, sector: null, name: null };
}

export function ev(s: EventSpec): CodedEvent {
  const cameo = s.cameo ?? '190';
  return {
    article_id: 'a1',
    sentence: 0,
    sentence_text: s.sentence ?? 'Coded sentence.',
    trigger: { text: s.trigger ?? 'trig', start: 0, end: 4 },
    rule: s.rule ?? 'verbs.txt:1 TEST',
    source: actor(s.source),
    target: actor(s.target),
    cameo,
    cameo_root: cameo.slice(0, 2),
    quad_class: 4,
    goldstein: -10,
    plover: { event: s.plover === undefined ? 'ASSAULT' : s.plover, mode: null, context: null },
    date: s.date ?? null,
    date_precision: s.precision ?? (s.date ? 'day' : null),
    historical: s.historical ?? false,
    date_basis: null,
    negated: s.negated ?? false,
    hypothetical: s.hypothetical ?? false,
    location: s.location
      ? { name: s.location, country: s.location, admin1: null, lat: null, lon: null, geonames_id: null, precision: 'country' }
      : null,
    killed: s.killed ?? null,
    wounded: s.wounded ?? null,
    casualties_qualifier: null,
  };
}

export function goldEv(s: EventSpec): ArticleGoldEvent {
  return {
    sentence: s.sentence ?? 'Gold sentence.',
    trigger: s.trigger ?? 'gold trig',
    plover: (s.plover ?? 'ASSAULT') as ArticleGoldEvent['plover'],
    cameo_root: null,
    source_country: s.source ?? null,
    source_sector: null,
    target_country: s.target ?? null,
    target_sector: null,
    date: s.date ?? null,
    location_country: s.location ?? null,
    negated: s.negated ?? false,
    hypothetical: false,
    historical: s.historical ?? false,
    killed: s.killed ?? null,
    wounded: s.wounded ?? null,
  };
}

export function article(id: string, events: EventSpec[]): ArticleGoldItem {
  return { id, text: 'Article text.', published: '2020-06-23', title: null, url: null, notes: null, events: events.map(goldEv) };
}

export function ploverItem(id: string, events: EventSpec[]): PloverGsrGoldItem {
  return {
    id, text: `Sentence ${id}.`, published: null, markup: null,
    events: events.map((s) => ({
      trigger: s.trigger ?? 'gold trig', plover: (s.plover ?? 'ASSAULT') as PloverGsrGoldItem['events'][number]['plover'],
      plover_v05: null, mode: null, context: null,
      source_country: s.source ?? null, source_sector: null, target_country: s.target ?? null, target_sector: null,
    })),
  };
}

export function cameoItem(id: string, cameo: string): CameoGoldItem {
  return { id, text: `Example ${id}.`, published: null, cameo, cameo_root: cameo.slice(0, 2), cameo_name: null, plover: null };
}
