/**
 * A PDF's bibliographic details: from its XMP metadata, then its information dictionary, then its first
 * page (the largest type near the top is the title, the lines under it the authors), with a DOI and an
 * arXiv id looked for on the first page only (later pages cite other works).
 */
import type { ClipBiblio } from '../model';
import type { PdfLine } from '../common/pdfLayout';
import type { PdfReading } from './readPdf';

/** What a PDF says about itself. */
export interface PdfDetails {
  title: string | null;
  authors: string[];
  /** ISO date (or date-time) from the XMP/info creation date, when stated. */
  published: string | null;
  biblio: ClipBiblio;
}

const DOI = /\b(10\.\d{4,9}\/[^\s"'<>]+)/;
const ARXIV_NEW = /\barXiv:\s*(\d{4}\.\d{4,5})(?:v\d+)?/i;
const ARXIV_OLD = /\barXiv:\s*([a-z-]+(?:\.[A-Z]{2})?\/\d{7})(?:v\d+)?/i;

/** A bare DOI from text holding one (`doi:…`, `https://doi.org/…` or plain), without trailing punctuation. */
export function findDoi(text: string): string | undefined {
  const found = DOI.exec(text)?.[1];
  return found?.replace(/[.,;:)\]}>]+$/, '');
}

/** An arXiv id stated as `arXiv:2301.01234v2` or `arXiv:hep-th/9901001`. */
export function findArxiv(text: string): string | undefined {
  return (ARXIV_NEW.exec(text) ?? ARXIV_OLD.exec(text))?.[1];
}

/** A journal's running citation line: "Journal of X 12 (2024) 101–117". */
const JOURNAL_LINE = /^\s*(\p{Lu}[^\d·|]{2,118}?)\s+(\d{1,4})\s*\((?:19|20)\d{2}\)\s*(\d+)\s*[-–]\s*(\d+)/u;

/** The journal, volume and pages a first page states in a citation line, if it has one. */
export function findJournalLine(lines: readonly PdfLine[]): Pick<ClipBiblio, 'containerTitle' | 'volume' | 'pages'> {
  for (const line of lines) {
    const m = JOURNAL_LINE.exec(line.text);
    if (m) return { containerTitle: m[1]!.trim(), volume: m[2]!, pages: `${m[3]}-${m[4]}` };
  }
  return {};
}

/** Titles that tools write when the author gave none. */
function isRealTitle(title: string | undefined): title is string {
  if (!title || title.trim().length < 4) return false;
  return !/^(untitled|microsoft (word|powerpoint)|document\d*$|slide \d+)|\.(docx?|pdf|tex|dvi|rtf|odt)$/i.test(
    title.trim(),
  );
}

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** Splits an author list ("A. One, B. Two and C. Three") into names, footnote marks and e-mails removed. */
export function splitAuthors(list: string): string[] {
  return list
    .replace(/\S+@\S+/g, ' ')
    .replace(/[*†‡§¶♯∗]|\d+|\(\s*\)/g, ' ')
    .split(/\s*(?:;|,|\band\b|&)\s*/)
    .map((s) => s.replace(/\s+/g, ' ').trim())
    .filter((s) => s.length > 1);
}

/** A name: two to five words, each starting with a capital (initials allowed). */
function looksLikeName(name: string): boolean {
  const words = name.split(' ');
  return words.length >= 2 && words.length <= 5 && words.every((w) => /^(\p{Lu}|d[ea]|van|von|de|la|le)/u.test(w));
}

/** The title (largest type in the page's upper half) and the author lines just under it, from page one. */
export function firstPageGuess(lines: readonly PdfLine[]): { title: string | null; authors: string[] } {
  const visible = lines.filter((l) => l.text.trim() && !ARXIV_NEW.test(l.text) && !ARXIV_OLD.test(l.text));
  if (!visible.length) return { title: null, authors: [] };
  const top = Math.max(...visible.map((l) => l.y));
  const bottom = Math.min(...visible.map((l) => l.y));
  const sizes = visible.map((l) => l.size).sort((a, b) => a - b);
  const body = sizes[Math.floor(sizes.length / 2)]!;
  const upper = visible.filter((l) => l.y >= (top + bottom) / 2 && l.text.trim().length >= 3);
  const largest = Math.max(...upper.map((l) => l.size));
  if (!upper.length || largest < 1.15 * body) return { title: null, authors: [] };
  const at = visible.findIndex((l) => l.size === largest && upper.includes(l));
  let end = at;
  while (end + 1 < visible.length && Math.abs(visible[end + 1]!.size - largest) < 0.05 * largest) end++;
  const title = visible
    .slice(at, end + 1)
    .map((l) => l.text.trim())
    .join(' ');
  const authors: string[] = [];
  for (const line of visible.slice(end + 1, end + 4)) {
    if (/^\s*abstract\b/i.test(line.text) || line.text.length > 200) break;
    const names = splitAuthors(line.text).filter(looksLikeName);
    if (!names.length) break;
    authors.push(...names);
  }
  return { title: title.length > 300 ? title.slice(0, 300) : title, authors };
}

/** `D:20230105120000Z` (a PDF date) as `2023-01-05`, or null. */
function pdfDate(value: string | undefined): string | null {
  const m = /^(?:D:)?(\d{4})(\d{2})?(\d{2})?/.exec(value ?? '');
  if (!m || Number(m[1]) < 1900) return null;
  return [m[1], m[2], m[3]].filter(Boolean).join('-');
}

/**
 * The PDF's title, authors, date and bibliographic details.
 *
 * @param reading  what pdf.js read
 * @param firstPage  page one's lines and text
 */
export function pdfDetails(
  reading: Pick<PdfReading, 'info' | 'xmp'>,
  firstPage: { lines: readonly PdfLine[]; text: string },
): PdfDetails {
  const { info, xmp } = reading;
  const guess = firstPageGuess(firstPage.lines);
  const stated = [first(xmp['dc:title']), info['Title']].find(isRealTitle);
  const creators = xmp['dc:creator'];
  const authors =
    Array.isArray(creators) && creators.length
      ? creators
      : info['Author']
        ? splitAuthors(info['Author'])
        : guess.authors;
  const doi =
    findDoi(first(xmp['prism:doi']) ?? '') ??
    findDoi(first(xmp['pdfx:doi']) ?? '') ??
    findDoi([info['Subject'], info['Keywords'], info['doi']].filter(Boolean).join(' ')) ??
    findDoi(firstPage.text);
  const arxiv = findArxiv(firstPage.text) ?? findArxiv([info['Subject'], info['Keywords']].filter(Boolean).join(' '));
  const journal = findJournalLine(firstPage.lines);
  const container = first(xmp['prism:publicationname']) ?? journal.containerTitle;
  const biblio: ClipBiblio = {
    // A DOI on a paper's first page: a published article (a journal's, unless it says otherwise).
    ...(doi && { type: 'article-journal' as const }),
    ...(container && { containerTitle: container }),
    ...(journal.volume && { volume: journal.volume }),
    ...(journal.pages && { pages: journal.pages }),
    ...(doi && { doi }),
    ...(arxiv && { arxiv }),
    ...(authors.length && { authors }),
  };
  return {
    title: stated?.trim() ?? guess.title,
    authors,
    published: pdfDate(info['CreationDate']),
    biblio,
  };
}
