/**
 * Helpers shared by the UI tests that need nothing from the core: paths, fixtures, and browser-side code.
 * The tests are type-checked without the DOM library, so browser-side code is plain JavaScript source.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';

export const REPO_ROOT = resolve(import.meta.dirname, '../..');

export const SEED_TITLE =
  'US and Russia in Talks on Truce Agreement That Would Cement Putin’s Territorial Gains in Ukraine';
export const SEED_SENTENCE =
  'Sources say the US is trying to secure the support of Kyiv and its European allies, although the outcome of these efforts remains uncertain.';

/** The seed article: the team's fixture copy if present, else the shared one beside the repo. */
export function seedArticlePath(): string {
  const local = join(REPO_ROOT, 'test/fixtures/clipper/seed-article.txt');
  return existsSync(local) ? local : resolve(REPO_ROOT, '../shared/fixtures/seed-article.txt');
}

/** Runs `fn` (the source of a function of one JSON argument) in the page and returns its result. */
export function inPage<T>(page: Page, fn: string, arg?: unknown): Promise<T> {
  return page.evaluate(`(${fn})(${JSON.stringify(arg ?? null)})`) as Promise<T>;
}

/** Browser side: selects the first occurrence of `text` in the article with a real DOM Range. */
export const SELECT_TEXT = `(text) => {
  const root = document.querySelector('.article-body');
  const start = root.textContent.indexOf(text);
  if (start < 0) throw new Error('text not found in the article: ' + text);
  const end = start + text.length;
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  let pos = 0, started = false;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const len = n.data.length;
    if (!started && start < pos + len) { range.setStart(n, start - pos); started = true; }
    if (started && end <= pos + len) { range.setEnd(n, end - pos); break; }
    pos += len;
  }
  const selection = window.getSelection();
  selection.removeAllRanges();
  selection.addRange(range);
  return range.toString();
}`;

/** Browser side: the text of every range registered under a custom highlight name. */
export const PAINTED = `(name) => {
  const h = CSS.highlights.get(name);
  return h ? [...h].map((r) => r.toString()) : [];
}`;

/**
 * Where screenshots go: `docs/screenshots` (the README's pictures) when GLOSS_SCREENSHOTS=1, else
 * `test-results/screenshots`, so an ordinary test run never dirties the work tree.
 */
export const SCREENSHOTS_DIR = join(
  REPO_ROOT,
  process.env['GLOSS_SCREENSHOTS'] === '1' ? 'docs/screenshots' : 'test-results/screenshots',
);
