/**
 * Removing the page furniture Readability sometimes keeps inside an article: a byline/date line
 * at the top (the metadata already carries it), and lone "Advertisement", "Share" or
 * "5 min read" paragraphs. The same line rules as for pasted text decide.
 */
import { parseBodyDocument } from '../article/dom';
import { isChromeLine, isReadingTimeLine, isTodayLine, readMetaLine, wordCount } from './lineRules';

/** How many leading text blocks may hold the byline/date line. */
const HEADER_BLOCKS = 3;

/** Returns `html` without chrome paragraphs and without a leading metadata line. */
export function pruneChrome(html: string): string {
  const doc = parseBodyDocument(html);
  const blocks = Array.from(doc.body.querySelectorAll('p, div, h2, h3, h4, h5, h6, li')).filter(
    (el) => !el.querySelector('p, div, li, img') && (el.textContent ?? '').trim() !== '',
  );
  blocks.forEach((el, i) => {
    const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (wordCount(text) > 12) return;
    if (isChromeLine(text) || isReadingTimeLine(text) || isTodayLine(text)) el.remove();
    else if (i < HEADER_BLOCKS && el.tagName === 'P' && readMetaLine(text)) el.remove();
  });
  return doc.body.innerHTML;
}
