/** CSV exports (Readwise, Pocket): rows keyed by the header line, with a human error for a broken file. */
import { parse } from 'csv-parse/sync';
import { GlossError } from '../errors';

/**
 * Parses `csv` (a leading byte-order mark is ignored) into rows keyed by column name.
 *
 * @throws GlossError `invalid-input` naming `fileName` when the text is not CSV
 */
export function readCsvRows(csv: string, fileName: string): Array<Record<string, string>> {
  return readCsv(csv, fileName).rows;
}

/** Like {@link readCsvRows}, with the header's column names too (known even when the file has no rows). */
export function readCsv(csv: string, fileName: string): { columns: string[]; rows: Array<Record<string, string>> } {
  let columns: string[] = [];
  const header = (names: string[]) => (columns = names);
  try {
    const rows: Array<Record<string, string>> = parse(csv.replace(/^\uFEFF/, ''), {
      columns: header,
      skip_empty_lines: true,
      relax_column_count: true,
    });
    return { columns, rows };
  } catch (error) {
    throw new GlossError('invalid-input', `${fileName} is not a readable CSV file: ${(error as Error).message}`);
  }
}
