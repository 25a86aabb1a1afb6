/**
 * Electronegativity (Doyensec's Electron security scanner) over the app's source. Every finding must be
 * fixed in the code or reviewed and listed, with its reason, in electronegativity-accepted.json.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

interface Finding {
  id: string;
  file: string;
  location: { line: number; column: number };
  description: string;
  sample?: string;
}
interface ScanResult {
  globalChecks: number;
  atomicChecks: number;
  errors: Array<{ file: string; message: string; tolerable: boolean }>;
  issues: Finding[];
}
interface Accepted {
  excludedChecks: Array<{ check: string; why: string }>;
  accepted: Array<{ id: string; file: string; why: string }>;
}

const ROOT = resolve(import.meta.dirname, '../..');
const require = createRequire(import.meta.url);
const run = require('@doyensec/electronegativity') as (options: Record<string, unknown>) => Promise<ScanResult>;
const ELECTRON_VERSION = (require('electron/package.json') as { version: string }).version;
const ACCEPTED = JSON.parse(
  readFileSync(join(import.meta.dirname, 'electronegativity-accepted.json'), 'utf8'),
) as Accepted;

const describeFinding = (f: Finding) =>
  `${f.id} at ${f.file}:${f.location.line}:${f.location.column} – ${f.description}${f.sample ? `\n    ${f.sample.slice(0, 160)}` : ''}`;

describe('Electronegativity over src/', () => {
  it('reports nothing that is not fixed or reviewed', { timeout: 180_000 }, async () => {
    const result = await run({
      input: join(ROOT, 'src'),
      isRelative: true,
      electronVersionOverride: ELECTRON_VERSION,
      excludeFromScan: ACCEPTED.excludedChecks.map((c) => c.check),
    });
    expect(result.atomicChecks).toBeGreaterThan(20);
    expect(
      result.errors.filter((e) => !e.tolerable),
      'files the scanner could not parse',
    ).toEqual([]);

    const isAccepted = (f: Finding) => ACCEPTED.accepted.some((a) => a.id === f.id && a.file === f.file);
    const unexplained = result.issues.filter((f) => !isAccepted(f)).map(describeFinding);
    expect(unexplained, 'fix these, or review and add them to electronegativity-accepted.json').toEqual([]);

    const stale = ACCEPTED.accepted.filter((a) => !result.issues.some((f) => f.id === a.id && f.file === a.file));
    expect(stale, 'accepted findings that no longer occur: remove them').toEqual([]);
    for (const entry of [...ACCEPTED.accepted, ...ACCEPTED.excludedChecks])
      expect(entry.why.length).toBeGreaterThan(40);
  });
});
