/**
 * Pocket's exports: the classic `ril_export.html` (lists of `<a href time_added tags>` under
 * "Unread" and "Read Archive") and the newer CSV with columns `title,url,time_added,tags,status`.
 * Pocket exports only addresses, so every entry's page is fetched.
 */
import { parseHtmlDocument } from '../article/dom';
import { GlossError } from '../errors';
import { readCsvRows } from './csv';
import type { ImportEntry } from './types';

/**
 * Reads `ril_export.html`: one entry per link, in file order.
 *
 * @throws GlossError `invalid-input` when no link has Pocket's `time_added` (an ordinary web page chosen by mistake
 *   would otherwise bring in its every menu link)
 */
export function readPocketHtml(html: string, fileName = 'ril_export.html'): ImportEntry[] {
  // getElementsByTagName, not a selector query: the document is the shared window's (see article/dom.ts).
  const links = Array.from(parseHtmlDocument(html).getElementsByTagName('a')).filter((a) => a.hasAttribute('href'));
  if (links.length && !links.some((a) => a.hasAttribute('time_added')))
    throw new GlossError(
      'invalid-input',
      `${fileName} does not look like a Pocket export: none of its links has Pocket's time_added.`,
    );
  return links.map((link, index) => ({
    source: `${fileName}: link ${index + 1}`,
    title: link.textContent?.trim() || null,
    url: link.getAttribute('href'),
    highlights: [],
  }));
}

/**
 * Reads Pocket's CSV export: one entry per row.
 *
 * @throws GlossError `invalid-input` when there is no url column
 */
export function readPocketCsv(csv: string, fileName = 'pocket.csv'): ImportEntry[] {
  const rows = readCsvRows(csv, fileName);
  if (rows.length && !('url' in rows[0]!))
    throw new GlossError('invalid-input', `${fileName} does not look like a Pocket export: no url column.`);
  return rows.map((row, index) => ({
    source: `${fileName}: row ${index + 2}`,
    title: row['title']?.trim() || null,
    url: row['url']?.trim() || null,
    highlights: [],
  }));
}
