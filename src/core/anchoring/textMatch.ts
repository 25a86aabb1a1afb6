/**
 * Finding a quote in a text when only the whitespace differs (re-wrapped lines, collapsed blank lines).
 */

/**
 * Every place `quote` occurs in `text` if runs of whitespace are treated as equal to any other
 * non-empty run, as [start, end) offsets into `text`. Leading/trailing whitespace of the quote is
 * ignored. Occurrences do not overlap; an empty or all-whitespace quote matches nothing.
 */
export function whitespaceTolerantMatches(text: string, quote: string): Array<{ start: number; end: number }> {
  const words = quote.trim().split(/\s+/u).filter(Boolean);
  if (words.length === 0) return [];
  // Escaped literal words joined by "some whitespace": no user text ever becomes regex syntax.
  const pattern = new RegExp(words.map(escapeRegExp).join('\\s+'), 'gu');
  const found: Array<{ start: number; end: number }> = [];
  for (const m of text.matchAll(pattern)) found.push({ start: m.index, end: m.index + m[0].length });
  return found;
}

/** Every start offset of `quote` in `text` (overlapping occurrences included). */
export function exactMatches(text: string, quote: string): number[] {
  const found: number[] = [];
  if (!quote) return found;
  for (let at = text.indexOf(quote); at !== -1; at = text.indexOf(quote, at + 1)) found.push(at);
  return found;
}

/** Escapes regex syntax. Only characters that are syntax outside a class: in `u` mode `\-` is an error. */
function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
