/**
 * Decoding a fetched page's bytes the way a browser would: byte order mark first (it cannot be
 * wrong), then the Content-Type header's charset, then a `<meta>` declaration in the first 4 KB,
 * else UTF-8. Node 20 ships full ICU, so legacy encodings (windows-1251, Shift_JIS…) decode.
 */

/** The charset parameter of a Content-Type header value, if any. */
export function charsetFromContentType(contentType: string | null): string | null {
  const m = /;\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(contentType ?? '');
  return m?.[1] ?? null;
}

/** The encoding a byte order mark at the start of `bytes` names, if any. */
export function charsetFromBom(bytes: Uint8Array): string | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return null;
}

/** `<meta charset=…>` or `<meta http-equiv="Content-Type" content="…; charset=…">` near the top. */
export function charsetFromMeta(bytes: Uint8Array): string | null {
  // Latin-1 maps every byte to one char, so ASCII markup reads right whatever the real encoding.
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  for (const tag of head.match(/<meta\b[^>]*>/gi) ?? []) {
    const direct = /\bcharset\s*=\s*["']?\s*([\w.:-]+)/i.exec(tag);
    if (direct?.[1]) return direct[1];
  }
  return null;
}

function usableLabel(label: string | null): string | null {
  if (!label) return null;
  try {
    const encoding = new TextDecoder(label.trim()).encoding;
    // A page that could declare itself in ASCII markup is not UTF-16 (HTML spec, "prescan").
    return encoding.startsWith('utf-16') ? 'utf-8' : encoding;
  } catch {
    return null;
  }
}

/**
 * What windows-1252 makes of bytes 0x80–0x9F (WHATWG Encoding; the five bytes it leaves undefined stay as they are).
 * Node 20.18.3+ and 22.13+ decode windows-1252, and so every page labelled ISO-8859-1, as Latin-1, turning these
 * into invisible control characters (nodejs/node#60888): a Western page would lose its quotes, dashes and €.
 */
const CP1252_HIGH = '€\x81‚ƒ„…†‡ˆ‰Š‹Œ\x8DŽ\x8F\x90‘’“”•–—˜™š›œ\x9DžŸ';

/** Decodes an HTML response body; `contentType` is the response's Content-Type header. */
export function decodeHtml(bytes: Uint8Array, contentType: string | null): string {
  const bom = charsetFromBom(bytes);
  const encoding =
    bom ?? usableLabel(charsetFromContentType(contentType)) ?? usableLabel(charsetFromMeta(bytes)) ?? 'utf-8';
  const text = new TextDecoder(encoding).decode(bytes);
  if (encoding !== 'windows-1252') return text;
  return text.replace(/[\x80-\x9f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80]!);
}
