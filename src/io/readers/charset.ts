/**
 * Bytes to text for HTML pages and XML feeds: the encoding is taken from a byte-order mark, then the
 * HTTP Content-Type header (WARC records), then the document's own declaration (`<meta charset>`,
 * `<meta http-equiv="Content-Type">`, `<?xml encoding="...">`) in its first 2 KB, else UTF-8. An
 * encoding label the runtime does not know falls back to UTF-8 (invalid bytes become U+FFFD).
 */

function bomEncoding(b: Uint8Array): string | null {
  if (b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return 'utf-8';
  if (b.length >= 2 && b[0] === 0xff && b[1] === 0xfe) return 'utf-16le';
  if (b.length >= 2 && b[0] === 0xfe && b[1] === 0xff) return 'utf-16be';
  return null;
}

/** The charset parameter of a Content-Type header value, if any. */
export function charsetFromContentType(contentType: string | null | undefined): string | null {
  if (!contentType) return null;
  const m = /charset\s*=\s*["']?([\w.:-]+)/i.exec(contentType);
  return m ? m[1] : null;
}

function declaredEncoding(b: Uint8Array): string | null {
  // Declarations are ASCII; latin1 maps every byte to one character so offsets do not matter.
  const head = Buffer.from(b.buffer, b.byteOffset, Math.min(b.length, 2048)).toString('latin1');
  const m =
    /<meta[^>]+charset\s*=\s*["']?([\w.:-]+)/i.exec(head) ??
    /<\?xml[^>]+encoding\s*=\s*["']([\w.:-]+)["']/i.exec(head);
  if (!m) return null;
  // A document that could be read as ASCII to find this declaration is not UTF-16 (HTML spec rule).
  return /^utf-?16/i.test(m[1]) ? 'utf-8' : m[1];
}

function decoderFor(label: string | null): TextDecoder | null {
  if (!label) return null;
  try {
    return new TextDecoder(label.toLowerCase());
  } catch {
    return null;
  }
}

/** Decodes a document's bytes; `contentType` is the HTTP header value when there is one. */
export function decodeDocument(bytes: Uint8Array, contentType?: string | null): string {
  const bom = bomEncoding(bytes);
  const dec = decoderFor(bom) ?? decoderFor(charsetFromContentType(contentType)) ?? decoderFor(declaredEncoding(bytes)) ?? new TextDecoder('utf-8');
  // TextDecoder drops a BOM of its own encoding by default.
  return dec.decode(bytes);
}
