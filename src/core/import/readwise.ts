/**
 * Readwise's highlights CSV export (Settings → Export → CSV). Columns: Highlight, Book Title,
 * Book Author, Amazon Book ID, Note, Color, Tags, Location Type, Location, Highlighted at,
 * Document tags. One row per highlight; rows of one book become one entry. The CSV carries no
 * address and no text, so each book becomes a clip made of its highlights, or adds to a clip of
 * the same title and author already in the library.
 */
import { GlossError } from '../errors';
import type { HighlightColor } from '../model';
import { readCsv } from './csv';
import type { ImportEntry } from './types';

const REQUIRED = ['Highlight', 'Book Title'];

/** Readwise's colour names onto the reader's colours (anything else stays yellow). */
const COLORS: Record<string, HighlightColor> = {
  yellow: 'yellow',
  green: 'green',
  blue: 'blue',
  pink: 'pink',
  red: 'pink',
  orange: 'yellow',
  purple: 'purple',
  violet: 'purple',
};

function rowDate(value: string | undefined): string | null {
  if (!value?.trim()) return null;
  const at = Date.parse(value.trim().replace(' ', 'T'));
  return Number.isNaN(at) ? null : new Date(at).toISOString();
}

/**
 * Reads a Readwise CSV export into one entry per book, highlights in file order.
 *
 * @throws GlossError `invalid-input` when the file is not a Readwise export (missing columns, not CSV)
 */
export function readReadwiseCsv(csv: string, fileName = 'readwise.csv'): ImportEntry[] {
  // The header is checked even without rows: a file that is not an export must not import nothing quietly.
  const { columns, rows } = readCsv(csv, fileName);
  const missing = REQUIRED.filter((c) => !columns.includes(c));
  if (missing.length) {
    throw new GlossError(
      'invalid-input',
      `${fileName} does not look like a Readwise export: no ${missing.join(' or ')} column.`,
    );
  }
  const books = new Map<string, ImportEntry>();
  for (const [index, row] of rows.entries()) {
    const title = row['Book Title']?.trim() || null;
    const byline = row['Book Author']?.trim() || null;
    const key = `${title}\u0000${byline}`;
    let entry = books.get(key);
    if (!entry) {
      entry = {
        source: `${fileName}: row ${index + 2}`,
        title,
        url: null,
        byline,
        highlightsOnly: true,
        highlights: [],
      };
      books.set(key, entry);
    }
    const quote = row['Highlight']?.trim();
    if (!quote) continue;
    entry.highlights.push({
      quote,
      note: row['Note']?.trim() ?? '',
      color: COLORS[row['Color']?.trim().toLowerCase() ?? ''] ?? 'yellow',
      createdAt: rowDate(row['Highlighted at']),
    });
  }
  return [...books.values()];
}
