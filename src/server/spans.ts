/**
 * Where an article's coded events sit in its text, for the article view: the trigger of each event
 * (character offsets from the coder), its source and target actors and its date expression (the
 * coder gives their words, not offsets: found in the event's sentence, nearest the trigger), and
 * the text cut into segments, each with the annotations covering it.
 */
import type { CodedEvent } from '../pipeline/types.js';
import type { Annotation, Segment } from './api-types.js';
export type { AnnotationKind, Annotation, Segment } from './api-types.js';




type Range = [number, number];

/** Where the event's sentence starts and ends in the text: the occurrence of its text that holds the trigger. */
export function sentenceRange(text: string, e: CodedEvent): Range | null {
  const s = e.sentence_text;
  if (!s) return null;
  const at = text.lastIndexOf(s, e.trigger.start);
  if (at >= 0 && at + s.length >= e.trigger.end) return [at, at + s.length];
  const any = text.indexOf(s);
  return any >= 0 ? [any, any + s.length] : null;
}

/** The trigger's offsets, checked against the text (a record whose offsets do not fit is looked up by its words). */
export function triggerRange(text: string, e: CodedEvent, sentence: Range | null): Range | null {
  const t = e.trigger;
  if (t.start >= 0 && t.end <= text.length && t.start < t.end && text.slice(t.start, t.end) === t.text) return [t.start, t.end];
  if (!t.text) return null;
  return nearest(text, t.text, sentence ?? [0, text.length], t.start);
}

/** Occurrences of `words` inside `within`, the one nearest `near`; null when there is none. */
export function nearest(text: string, words: string, within: Range, near: number): Range | null {
  if (!words) return null;
  let best: Range | null = null;
  let bestDist = Infinity;
  for (let i = text.indexOf(words, within[0]); i >= 0 && i + words.length <= within[1]; i = text.indexOf(words, i + 1)) {
    const d = i + words.length <= near ? near - (i + words.length) : Math.max(0, i - near);
    if (d < bestDist) { best = [i, i + words.length]; bestDist = d; }
  }
  return best;
}

/** A date basis: `sentence "On July 27"`, `frame "July" (s16)`, `lead "on Tuesday", month`, `anchor "days after" from ...`, `published`. */
export function parseDateBasis(basis: string | null): { kind: string; words: string | null; sentence: number | null } | null {
  if (!basis) return null;
  const m = /^([a-z]+)(?: "([^"]+)")?(?: \(s(\d+)\))?/.exec(basis);
  if (!m) return null;
  return { kind: m[1], words: m[2] ?? null, sentence: m[3] !== undefined ? Number(m[3]) : null };
}

function dateRange(text: string, e: CodedEvent, sentence: Range | null, trigger: Range | null, sentences: Map<number, Range>): Range | null {
  const b = parseDateBasis(e.date_basis);
  if (!b || !b.words) return null;
  const near = trigger ? trigger[0] : e.trigger.start;
  if ((b.kind === 'sentence' || b.kind === 'anchor') && sentence) {
    const r = nearest(text, b.words, sentence, near);
    if (r) return r;
  }
  if (b.sentence !== null) {
    const other = sentences.get(b.sentence);
    if (other) {
      const r = nearest(text, b.words, other, other[1]);
      if (r) return r;
    }
  }
  if (b.kind === 'lead') {
    const i = text.indexOf(b.words);
    if (i >= 0) return [i, i + b.words.length];
  }
  // A frame or anchor in an earlier sentence: the last time the words were written before the event.
  const before = text.lastIndexOf(b.words, sentence ? sentence[0] : near);
  if (before >= 0) return [before, before + b.words.length];
  const i = text.indexOf(b.words);
  return i >= 0 ? [i, i + b.words.length] : null;
}

function actorLabel(a: NonNullable<CodedEvent['source']>): string {
  return `${a.code}${a.name ? ` (${a.name})` : ''}`;
}

/** The annotations of an article's event mentions; identical annotations of several mentions are merged. */
export function annotate(text: string, events: CodedEvent[]): Annotation[] {
  const located = events.map((e) => {
    const sentence = sentenceRange(text, e);
    return { e, sentence, trigger: triggerRange(text, e, sentence) };
  });
  const sentences = new Map<number, Range>();
  for (const l of located) if (l.sentence && !sentences.has(l.e.sentence)) sentences.set(l.e.sentence, l.sentence);
  const out: Annotation[] = [];
  const seen = new Map<string, Annotation>();
  const add = (a: Omit<Annotation, 'mentions' | 'text'>, mention: number) => {
    const key = `${a.kind}\0${a.start}\0${a.end}\0${a.label}\0${a.rule}`;
    const had = seen.get(key);
    if (had) { if (!had.mentions.includes(mention)) had.mentions.push(mention); return; }
    const full = { ...a, text: text.slice(a.start, a.end), mentions: [mention] };
    seen.set(key, full);
    out.push(full);
  };
  located.forEach(({ e, sentence, trigger }, i) => {
    const flags = [e.negated ? 'negated' : '', e.hypothetical ? 'hypothetical' : ''].filter(Boolean).join(', ');
    if (trigger) {
      add({
        kind: 'trigger', start: trigger[0], end: trigger[1],
        label: `${e.plover.event ?? 'STATEMENT'}${e.plover.mode ? `/${e.plover.mode}` : ''} · CAMEO ${e.cameo} · Goldstein ${e.goldstein}${flags ? ` · ${flags}` : ''}`,
        rule: e.rule,
      }, i);
    }
    const around: Range = sentence ?? [Math.max(0, e.trigger.start - 400), Math.min(text.length, e.trigger.end + 400)];
    const near = trigger ? trigger[0] : e.trigger.start;
    for (const side of ['source', 'target'] as const) {
      const a = e[side];
      if (!a) continue;
      const r = nearest(text, a.text, around, near);
      if (r) add({ kind: side, start: r[0], end: r[1], label: `${side} ${actorLabel(a)}`, rule: e.rule }, i);
    }
    if (e.date) {
      const r = dateRange(text, e, sentence, trigger, sentences);
      if (r) add({ kind: 'date', start: r[0], end: r[1], label: `date ${e.date}${e.date_precision ? ` (${e.date_precision})` : ''}${e.historical ? ' · background (historical)' : ''}`, rule: e.date_basis ?? '' }, i);
    }
  });
  return out.sort((a, b) => a.start - b.start || b.end - a.end);
}

/** The text from 0 to `length` cut at every annotation boundary; each piece lists the annotations over it. */
export function segments(length: number, annotations: Annotation[]): Segment[] {
  const cuts = new Set<number>([0, length]);
  for (const a of annotations) {
    cuts.add(Math.max(0, Math.min(length, a.start)));
    cuts.add(Math.max(0, Math.min(length, a.end)));
  }
  const points = [...cuts].sort((x, y) => x - y);
  const out: Segment[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const [start, end] = [points[i], points[i + 1]];
    if (start === end) continue;
    const marks: number[] = [];
    annotations.forEach((a, k) => { if (a.start <= start && a.end >= end) marks.push(k); });
    out.push({ start, end, marks });
  }
  return out;
}
