/** CSV exports (Readwise, Pocket): rows keyed by the header line, with a human error for a broken file. */
import { parse } from 'csv-parse/sync';
import { GlossError } from '../errors';

/**
 * Parses `csv` (a leading byte-order mark is ignored) into rows keyed by column name.
 *
 * @throws GlossError `invalid-input` naming `fileName` when the text is not CSV
 */
export function readCsvRows(csv: string, fileName: string): Array<Record<string, string>> {
  try {
    return parse(csv.replace(/^\uFEFF/, ''), { columns: true, skip_empty_lines: true, relax_column_count: true });
  } catch (error) {
    throw new GlossError('invalid-input', `${fileName} is not a readable CSV file: ${(error as Error).message}`);
  }
}
