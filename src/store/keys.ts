/**
 * Identity of stored things: an article's text hash and publisher, an actor's clustering key, a
 * person's name key. Pure functions, shared by the writer, the clustering and the people table.
 */
import { createHash } from 'node:crypto';
import type { ActorRef, Article } from '../pipeline/types.js';

/** The text as compared for "same article": Unicode NFC, runs of whitespace as one space, trimmed. */
export function normalizeText(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim();
}

/** SHA-256 (hex) of the normalized text: copies that differ only in spacing hash the same. */
export function textHash(text: string): string {
  return createHash('sha256').update(normalizeText(text)).digest('hex');
}

/** The host of a URL without "www.", lower case; null when the URL does not parse. */
export function urlHost(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const h = new URL(url).hostname.toLowerCase();
    return h ? h.replace(/^www\./, '') : null;
  } catch {
    return null;
  }
}

/**
 * Who published an article, for counting distinct sources: the `source` field when given, else
 * the URL's host, else '' (unknown: all articles without either count as one source).
 */
export function publisherOf(a: Pick<Article, 'source' | 'url'>): string {
  const s = a.source?.trim();
  if (s) return s;
  return urlHost(a.url) ?? '';
}

/** Clustering key of an actor: country and sector ("IRN/GOV", "AZE/", "/REB"); "-" for no actor. */
export function actorKey(a: ActorRef | null): string {
  if (!a) return '-';
  return `${a.country ?? ''}/${a.sector ?? ''}`;
}

/** A key to compare people's names: diacritics and punctuation dropped, lower case, single spaces. */
export function nameKey(name: string): string {
  return name.normalize('NFD').replace(/\p{M}/gu, '')
    .replace(/[’‘`]/g, "'").replace(/[^\p{L}\p{N}' -]/gu, ' ')
    .toLowerCase().replace(/\s+/g, ' ').trim();
}
