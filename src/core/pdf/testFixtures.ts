/** The committed PDF fixtures (made by test/fixtures/pdf/make.ts), for core tests and benches. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const PDF_FIXTURES = fileURLToPath(new URL('../../../test/fixtures/pdf/', import.meta.url));

/** The bytes of fixture `name` (e.g. `paper.pdf`). */
export function pdfFixture(name: string): Uint8Array {
  return new Uint8Array(readFileSync(path.join(PDF_FIXTURES, name)));
}
