/**
 * A guard against pathologically nested pages. Readability's work grows much faster than linearly with
 * nesting depth (a page of 1 000 nested divs takes over a minute, 100 000 never finishes), and that work
 * would block the app, so such pages are refused before extraction.
 */
import { GlossError } from '../errors';

/** Deeper than any real article page (they stay well under 100), shallow enough to extract quickly. */
export const MAX_DEPTH = 256;

/** The deepest element nesting under `root`, counted without recursion (so no stack overflow). */
export function nestingDepth(root: Element): number {
  let deepest = 0;
  const stack: Array<[Element, number]> = [[root, 1]];
  while (stack.length) {
    const [el, depth] = stack.pop()!;
    if (depth > deepest) deepest = depth;
    for (let child = el.firstElementChild; child; child = child.nextElementSibling) stack.push([child, depth + 1]);
  }
  return deepest;
}

/** Block containers that never close themselves, so each unclosed or nested one is a level in the DOM. */
const CONTAINER =
  /<(\/?)(?:div|section|article|aside|main|blockquote|ul|ol|dl|table|figure|nav|header|footer|span|details)\b[^>]*>/gi;
/** Text the parser does not read as markup. */
const NOT_MARKUP = /<!--[\s\S]*?-->|<(script|style|template|textarea|title)\b[^>]*>[\s\S]*?<\/\1\s*>/gi;

/**
 * Estimates from the raw markup, in one linear pass, how deep its containers nest. Parsing itself is
 * the problem for the worst pages (the HTML parser's work grows with depth too, and jsdom overflows the
 * stack past some tens of thousands of levels), so this runs before anything is parsed.
 */
export function estimatedNesting(html: string): number {
  let depth = 0;
  let deepest = 0;
  for (const m of html.replace(NOT_MARKUP, '').matchAll(CONTAINER)) {
    depth = m[1] ? Math.max(0, depth - 1) : depth + 1;
    if (depth > deepest) deepest = depth;
  }
  return deepest;
}

/**
 * Throws `extraction-failed` when `html` (before parsing) or `doc` (after) nests deeper than {@link MAX_DEPTH}.
 *
 * @param where the page's host name for the message, when known
 */
export function assertReadableDepth(page: string | Document, where: string | null): void {
  const depth =
    typeof page === 'string' ? estimatedNesting(page) : page.documentElement ? nestingDepth(page.documentElement) : 0;
  if (depth <= MAX_DEPTH) return;
  throw new GlossError(
    'extraction-failed',
    `${where ?? 'This page'} nests its content more than ${MAX_DEPTH} levels deep, far more than any article needs, so it was not clipped.`,
  );
}
