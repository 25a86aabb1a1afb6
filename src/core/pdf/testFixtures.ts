/** The committed PDF fixtures (made by test/fixtures/pdf/make.ts), for core tests and benches. */
import { readFileSync } from 'node:fs';
import path from 'node:path';

export const PDF_FIXTURES = path.resolve(__dirname, '../../../test/fixtures/pdf');

/** The bytes of fixture `name` (e.g. `paper.pdf`). */
export function pdfFixture(name: string): Uint8Array {
  return new Uint8Array(readFileSync(path.join(PDF_FIXTURES, name)));
}
