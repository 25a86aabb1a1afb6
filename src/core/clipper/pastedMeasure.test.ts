/**
 * Measures paste cleaning on the fixture set in test/fixtures/pasted (news, blogs, academic, docs,
 * recipes, forums, newsletters; English, Russian, German, Spanish, French, Japanese): every expectation
 * is one check, and the pass rate per kind of check is printed as a table.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { clipPastedText } from './pastedText';

interface Case {
  file: string;
  kind: string;
  title: string;
  headings: string[];
  byline?: string;
  published?: string;
  lang?: string;
  mustContain: string[];
  mustNotContain: string[];
}

const DIR = new URL('../../../test/fixtures/pasted/', import.meta.url);
const CASES = (JSON.parse(readFileSync(new URL('expected.json', DIR), 'utf8')) as { cases: Case[] }).cases;

/** Pass rates below these fail the test: the set measures, the floor keeps what works working. */
const FLOOR = { overall: 0.95, perCheck: 0.8 };

type Outcome = { check: string; file: string; ok: boolean; detail: string };

function measure(c: Case): Outcome[] {
  const draft = clipPastedText(readFileSync(new URL(c.file, DIR), 'utf8'));
  const headings = [...draft.html.matchAll(/<h2>(.*?)<\/h2>/g)].map((m) => m[1]!);
  const out: Outcome[] = [];
  const check = (name: string, ok: boolean, detail: string) => out.push({ check: name, file: c.file, ok, detail });
  check('title', draft.title === c.title, draft.title);
  check('headings', JSON.stringify(headings) === JSON.stringify(c.headings), JSON.stringify(headings));
  if (c.byline !== undefined) check('byline', draft.byline === c.byline, String(draft.byline));
  if (c.published !== undefined) check('published', draft.published === c.published, String(draft.published));
  if (c.lang !== undefined) check('lang', draft.lang === c.lang, String(draft.lang));
  // The subtitle or standfirst may be what a page shows under its title: the title itself is not body text.
  const body = draft.text;
  for (const s of c.mustContain) check('must-contain', body.includes(s), s);
  for (const s of c.mustNotContain) check('must-not-contain', !draft.text.includes(s), s);
  check('title-not-repeated', !draft.text.trim().startsWith(draft.title), draft.text.slice(0, 60));
  return out;
}

describe('paste cleaning, measured on copied pages', () => {
  it(`passes at least ${FLOOR.overall * 100} % of ${CASES.length} pages' checks`, () => {
    expect(CASES.length).toBeGreaterThanOrEqual(15);
    const outcomes = CASES.flatMap(measure);
    const kinds = [...new Set(outcomes.map((o) => o.check))];
    const rows = kinds.map((k) => {
      const of = outcomes.filter((o) => o.check === k);
      const passed = of.filter((o) => o.ok).length;
      return { check: k, passed, total: of.length, rate: passed / of.length };
    });
    const passed = outcomes.filter((o) => o.ok).length;
    const lines = [
      `paste cleaning on ${CASES.length} pages`,
      `${'check'.padEnd(20)} ${'passed'.padStart(7)} ${'rate'.padStart(7)}`,
      ...rows.map(
        (r) =>
          `${r.check.padEnd(20)} ${`${r.passed}/${r.total}`.padStart(7)} ${`${(r.rate * 100).toFixed(0)} %`.padStart(7)}`,
      ),
      `${'all'.padEnd(20)} ${`${passed}/${outcomes.length}`.padStart(7)} ${`${((passed / outcomes.length) * 100).toFixed(0)} %`.padStart(7)}`,
      ...outcomes.filter((o) => !o.ok).map((o) => `  failed ${o.check} in ${o.file}: ${o.detail}`),
    ];
    console.log(lines.join('\n'));
    expect(passed / outcomes.length).toBeGreaterThanOrEqual(FLOOR.overall);
    for (const r of rows) expect(r.rate, r.check).toBeGreaterThanOrEqual(FLOOR.perCheck);
  });
});
