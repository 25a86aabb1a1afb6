/**
 * From pdf.js text items to a page's reading text, shared by the core (which stores the text) and the
 * renderer (whose text layer must map to the same offsets). Pure: no pdf.js, no DOM, no Node.
 *
 * A page's items, in content-stream order, are grouped into lines (a new line where pdf.js says an item
 * ends one, or the baseline moves); lines into paragraphs (a vertical gap well over the page's usual
 * line spacing, a jump back up such as a new column, or a change of type size). Words broken by a hyphen
 * at a line's end are joined; lines of a paragraph are joined with a space and paragraphs with `\n`.
 * Repeated headers and footers are decided over the whole document ({@link repeatedPageChrome}) and given
 * to {@link layoutPage} as a number of lines to drop at the top and bottom of each page.
 *
 * Every kept item's text appears in the page text unchanged (only a line-ending hyphen may be cut), so an
 * item's place in the text is one start offset and a length: that is what the renderer's text layer uses.
 */

/** The fields of a pdf.js `TextItem` that layout reads (pdf.js's own objects fit this shape). */
export interface PdfTextItem {
  str: string;
  /** [a, b, c, d, e, f]: e/f are the baseline origin in page units, (c, d) the glyph height's direction. */
  transform: number[];
  width: number;
  height: number;
  hasEOL: boolean;
}

/** Where an item landed in the page text: `start` −1 for an item on a dropped line (header/footer). */
export interface ItemPlace {
  start: number;
  /** How many of the item's characters are in the text (its length, or one less for a cut hyphen). */
  length: number;
}

/** One line of a page, for metadata guesses (title, authors) and header/footer detection. */
export interface PdfLine {
  text: string;
  /** Baseline height from the page's bottom, in page units. */
  y: number;
  /** Type size in page units. */
  size: number;
}

/** A page's text with where each item sits in it. */
export interface PageLayout {
  text: string;
  /** One per item given, in the same order. */
  items: ItemPlace[];
  /** The page's lines in order (dropped ones included), for the document-wide checks. */
  lines: PdfLine[];
  /** The paragraphs of `text` (it is exactly `paragraphs.join('\n')`). */
  paragraphs: string[];
}

/** Lines to leave out at the top and bottom of a page (running headers, footers, page numbers). */
export interface PageChrome {
  top: number;
  bottom: number;
}

/** What separates one page's text from the next in the article text. */
export const PAGE_SEPARATOR = '\n\n';

interface RawLine {
  itemIndexes: number[];
  y: number;
  x: number;
  size: number;
}

/** Characters the HTML parser would change or drop (CR, NUL, other controls) and tabs/newlines: each becomes one space. */
export function cleanItemText(str: string): string {
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  return str.replace(/[\u0000-\u001f\u007f]/g, ' ');
}

function itemSize(item: PdfTextItem): number {
  const [, , c = 0, d = 0] = item.transform;
  return Math.hypot(c, d) || item.height || 1;
}

/** Groups the page's items into lines, in order. */
function groupLines(items: readonly PdfTextItem[]): RawLine[] {
  const lines: RawLine[] = [];
  let current: RawLine | null = null;
  let lastEnd = 0;
  let breakAfter = false;
  items.forEach((item, index) => {
    const x = item.transform[4] ?? 0;
    const y = item.transform[5] ?? 0;
    const size = itemSize(item);
    const empty = item.str.length === 0;
    if (empty && current) {
      // pdf.js marks a line's end with an empty item; it belongs to that line.
      current.itemIndexes.push(index);
      breakAfter ||= item.hasEOL;
      return;
    }
    const sameLine =
      current !== null &&
      !breakAfter &&
      Math.abs(y - current.y) <= 0.5 * Math.min(size, current.size) &&
      x >= lastEnd - 2 * Math.max(size, current.size);
    if (!sameLine || !current) {
      current = { itemIndexes: [], y, x, size };
      lines.push(current);
    }
    current.itemIndexes.push(index);
    if (!empty) current.size = Math.max(current.size, size);
    lastEnd = x + item.width;
    breakAfter = item.hasEOL;
  });
  return lines;
}

/** The usual distance between consecutive baselines on the page (the lower median of the downward steps). */
function usualSpacing(lines: readonly RawLine[]): number {
  const steps = lines
    .slice(1)
    .map((line, i) => lines[i]!.y - line.y)
    .filter((d) => d > 0)
    .sort((a, b) => a - b);
  return steps.length ? steps[Math.floor((steps.length - 1) / 2)]! : 0;
}

function startsParagraph(prev: RawLine, line: RawLine, spacing: number): boolean {
  const step = prev.y - line.y;
  if (step <= 0) return true;
  if (Math.abs(line.size - prev.size) > 0.15 * Math.max(line.size, prev.size)) return true;
  return spacing > 0 && step > 1.45 * spacing;
}

const LINE_END_HYPHEN = /\p{L}-$/u;
const LOWER_START = /^\p{Ll}/u;

/**
 * Lays out one page: its text, each item's place in it, its lines and paragraphs.
 *
 * @param items  the page's text items in pdf.js order (marked-content entries left out)
 * @param chrome  lines to drop at the top and bottom (see {@link repeatedPageChrome}); none by default
 */
export function layoutPage(items: readonly PdfTextItem[], chrome: PageChrome = { top: 0, bottom: 0 }): PageLayout {
  const places: ItemPlace[] = items.map(() => ({ start: -1, length: 0 }));
  const rawLines = groupLines(items);
  const lines: PdfLine[] = rawLines.map((l) => ({
    text: l.itemIndexes.map((i) => cleanItemText(items[i]!.str)).join(''),
    y: l.y,
    size: l.size,
  }));
  const kept = rawLines.filter(
    (l, i) => i >= chrome.top && i < rawLines.length - chrome.bottom && lines[i]!.text.trim() !== '',
  );
  const spacing = usualSpacing(kept);

  const paragraphs: string[] = [];
  let para = '';
  let prev: RawLine | null = null;
  /** Offset of the current paragraph in the page text. */
  let paraStart = 0;
  let pendingHyphen = null as ItemPlace | null;

  for (const line of kept) {
    const texts = line.itemIndexes.map((i) => cleanItemText(items[i]!.str));
    const lineText = texts.join('');
    if (prev) {
      if (pendingHyphen && LOWER_START.test(lineText.trimStart())) {
        // "hyph-" + "enation": the hyphen goes, the word is whole again.
        pendingHyphen.length -= 1;
        para = para.slice(0, -1);
      } else if (startsParagraph(prev, line, spacing)) {
        paragraphs.push(para);
        paraStart += para.length + 1;
        para = '';
      } else if (!/\s$/.test(para) && !/^\s/.test(lineText)) {
        para += ' ';
      }
    }
    pendingHyphen = null;
    let lastEnd: number | null = null;
    for (let k = 0; k < line.itemIndexes.length; k++) {
      const index = line.itemIndexes[k]!;
      const item = items[index]!;
      const text = texts[k]!;
      const x = item.transform[4] ?? 0;
      if (text && lastEnd !== null && !/\s$/.test(para) && !/^\s/.test(text) && x - lastEnd > 0.2 * line.size)
        para += ' ';
      const place = { start: paraStart + para.length, length: text.length };
      places[index] = place;
      para += text;
      if (text) {
        lastEnd = x + item.width;
        pendingHyphen = LINE_END_HYPHEN.test(para) && text.endsWith('-') ? place : null;
      }
    }
    prev = line;
  }
  if (prev) paragraphs.push(para);
  return { text: paragraphs.join('\n'), items: places, lines, paragraphs };
}

/** A line's text reduced for comparing across pages: numbers alike, case and spacing ignored. */
function chromeKey(text: string): string {
  return text.replace(/\d+/g, '#').replace(/\s+/g, ' ').trim().toLowerCase();
}

/** How many of a page's lines at an end may be chrome. */
const CHROME_DEPTH = 2;

/**
 * Decides, over all pages, which of each page's first and last lines are running headers or footers: a
 * line (numbers counted alike, so "Page 3" matches "Page 4") found at the same end of at least half the
 * pages, and of three pages at least. Documents under three pages keep every line.
 *
 * @param pages  each page's lines, as {@link layoutPage} gives them
 */
export function repeatedPageChrome(pages: ReadonlyArray<readonly PdfLine[]>): PageChrome[] {
  const none = pages.map(() => ({ top: 0, bottom: 0 }));
  if (pages.length < 3) return none;
  const visible = pages.map((lines) => lines.filter((l) => l.text.trim() !== ''));
  const ends = (lines: readonly PdfLine[], top: boolean) =>
    (top ? lines.slice(0, CHROME_DEPTH) : lines.slice(-CHROME_DEPTH).reverse()).map((l) => chromeKey(l.text));
  const repeated = (top: boolean): Set<string> => {
    const counts = new Map<string, number>();
    for (const lines of visible)
      for (const key of new Set(ends(lines, top))) counts.set(key, (counts.get(key) ?? 0) + 1);
    const needed = Math.max(3, Math.ceil(pages.length / 2));
    return new Set([...counts].filter(([key, n]) => key && n >= needed).map(([key]) => key));
  };
  const headers = repeated(true);
  const footers = repeated(false);
  return pages.map((lines) => {
    // Counted in the page's raw lines (blank ones included), as layoutPage drops them.
    const count = (ordered: readonly PdfLine[], keys: Set<string>): number => {
      let taken = 0;
      let seen = 0;
      for (const line of ordered) {
        taken++;
        if (line.text.trim() === '') continue;
        if (seen >= CHROME_DEPTH || !keys.has(chromeKey(line.text))) return taken - 1;
        seen++;
      }
      return taken;
    };
    const top = count(lines, headers);
    const bottom = Math.min(count([...lines].reverse(), footers), lines.length - top);
    return { top, bottom };
  });
}

/**
 * The chrome that turns a page's items into `pageText` (the page's part of the stored article text), found
 * by trying the few possible header/footer cuts; the renderer uses this to map its text layer without the
 * rest of the document. `null` when no cut gives that text (the text was made by another version).
 */
export function chromeForText(items: readonly PdfTextItem[], pageText: string): PageLayout | null {
  for (let top = 0; top <= CHROME_DEPTH; top++)
    for (let bottom = 0; bottom <= CHROME_DEPTH; bottom++) {
      const layout = layoutPage(items, { top, bottom });
      if (layout.text === pageText) return layout;
    }
  return null;
}

/** Joins page texts into the article text and returns where each page starts in it. */
export function joinPages(texts: readonly string[]): { text: string; pageStarts: number[] } {
  const pageStarts: number[] = [];
  let at = 0;
  for (const t of texts) {
    pageStarts.push(at);
    at += t.length + PAGE_SEPARATOR.length;
  }
  return { text: texts.join(PAGE_SEPARATOR), pageStarts };
}

/** The page (0-based) that holds offset `at` of the article text, given the pages' starts. */
export function pageAt(pageStarts: readonly number[], at: number): number {
  let lo = 0;
  let hi = pageStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (pageStarts[mid]! <= at) lo = mid;
    else hi = mid - 1;
  }
  return Math.max(0, lo);
}
