/**
 * PLOVER / POLECAT-style JSON records (PLOVER 2.0 manual, chapter "Data Fields"): one JSON object per
 * event and line, with the standard field names (id, date, actor, recipient, event, mode, context,
 * event_loc, quad_code, event_scale, size, cite_info) and dyad's own counts as extra fields.
 * Statements (CAMEO 01, no PLOVER type) have no PLOVER record.
 */
import type { EventRecord, EventActor } from '../records.js';

export interface PloverEntity {
  code: string | null;
  sector: string | null;
  actor_code: string | null;
  identifier_text?: string;
}

export interface PloverRecord {
  id: string;
  date: string | null;
  date_precision: string | null;
  actor: PloverEntity[];
  recipient: PloverEntity[];
  event: string[];
  mode: string[];
  context: string[];
  event_loc: null | {
    resolved_place: string; geonameid: number | null; lat: number | null; lon: number | null;
    province: string | null; country_code: string | null; resolution: number | null;
  };
  quad_code: number;
  event_scale: number;
  cameo: string;
  size: { dead: number | null; injured: number | null; qualifier: string | null };
  historical: boolean;
  mentions: number;
  sources: number;
  articles: number;
  first_report: string | null;
  last_report: string | null;
  cite_info: { citation: string; url: string | null };
  coder: string;
  codebook: string;
}

const RESOLUTION: Record<string, number> = { city: 4, admin1: 2, country: 1 };

function entity(a: EventActor | null): PloverEntity[] {
  if (!a) return [];
  const e: PloverEntity = { code: a.country, sector: a.sector, actor_code: a.code };
  if (a.name) e.identifier_text = a.name;
  return [e];
}

/** The PLOVER record of an event; null for a statement (no PLOVER event type). */
export function ploverRecord(e: EventRecord, coder: string): PloverRecord | null {
  if (!e.plover.event) return null;
  const l = e.location;
  return {
    id: `dyad-${e.id}`,
    date: e.date,
    date_precision: e.date_precision,
    actor: entity(e.source),
    recipient: entity(e.target),
    event: [e.plover.event],
    mode: e.plover.mode ? [e.plover.mode] : [],
    context: e.plover.context ? e.plover.context.split(/\s*[,;]\s*/).filter(Boolean) : [],
    event_loc: l ? { resolved_place: l.name, geonameid: l.geonames_id, lat: l.lat, lon: l.lon, province: l.admin1, country_code: l.country, resolution: RESOLUTION[l.precision] ?? null } : null,
    quad_code: e.quad_class,
    event_scale: e.goldstein,
    cameo: e.cameo,
    size: { dead: e.killed, injured: e.wounded, qualifier: e.casualties_qualifier },
    historical: e.historical,
    mentions: e.mentions,
    sources: e.sources,
    articles: e.articles,
    first_report: e.first_report,
    last_report: e.last_report,
    cite_info: { citation: e.root.article, url: e.root.url },
    coder,
    codebook: 'PLOVER 2.0; CAMEO 1.1b3',
  };
}
