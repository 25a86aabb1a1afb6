/**
 * ICU word segmentation in linear time. On Node 20 (V8 11) `Intl.Segmenter` slows down with the length of
 * the string it segments (a 135 KB text took 42 s to count), so long texts are segmented in short pieces.
 * A piece ends just after white space whenever there is some, where ICU always puts a word boundary, so
 * the words found are exactly those of one pass over the whole text; a text with no white space (Chinese,
 * Japanese, Thai) is cut after punctuation, and only a piece with neither is cut at a code point.
 */

/** About how long a piece is; the per-call cost of the segmenter is small next to this. */
const PIECE = 512;
/** How far past {@link PIECE} a cut may look for white space or punctuation. */
const LOOK = 512;

const SPACE = /\s/u;
const NOT_WORD = /[^\p{L}\p{N}\p{M}]/u;

/** Where the piece starting at `start` ends: after white space, else after punctuation, else at a code point. */
function pieceEnd(text: string, start: number): number {
  if (text.length - start <= PIECE + LOOK) return text.length;
  const limit = start + PIECE + LOOK;
  let punct = -1;
  for (let i = start + PIECE; i < limit; i++) {
    const ch = text.charAt(i);
    if (SPACE.test(ch)) return i + 1;
    if (punct < 0 && NOT_WORD.test(ch) && !isSurrogate(text.charCodeAt(i))) punct = i + 1;
  }
  if (punct > 0) return punct;
  const high = text.charCodeAt(limit - 1);
  return high >= 0xd800 && high <= 0xdbff ? limit + 1 : limit;
}

function isSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdfff;
}

/**
 * Calls `visit` with each word-like segment of `text` and its offset, in order, using `segmenter` on pieces
 * of about half a kilobyte so that the time taken grows linearly with the text.
 */
export function forEachWordSegment(
  segmenter: Intl.Segmenter,
  text: string,
  visit: (segment: string, index: number) => void,
): void {
  for (let start = 0; start < text.length;) {
    const end = pieceEnd(text, start);
    const piece = start === 0 && end === text.length ? text : text.slice(start, end);
    for (const seg of segmenter.segment(piece)) if (seg.isWordLike) visit(seg.segment, start + seg.index);
    start = end;
  }
}
