/**
 * A large library (2,000 generated clips with highlights, tags, collections and notebook pages) in the built
 * renderer: the library's sorts and facets (tag, collection, site, has highlights, unread) against the core's
 * counts, its virtualised list by keyboard (arrows, Home/End reach the real ends, Enter opens, the list is out
 * of reach under the reader, Escape comes back to the same row at the same scroll place), the highlights view
 * (colour and tag filters, End/Home, jump to the passage, export of the filtered set), and search with exact
 * totals, kind tabs, arrows over options that know their place in the set, and more results as it scrolls.
 * Conditions only, no timing: speed is `npm run bench:scale`'s business.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from './axe';
import { tempDir } from '../../src/core/library/testHelpers';
import type { Harness } from './harness';
import { SCREENSHOTS_DIR, startHarness } from './harness';
import { generateLibrary } from '../../bench/scale/generate';

const CLIPS = 2000;

/** Browser side: the focused element's row index and position in the set. */
const FOCUSED = `() => {
  const el = document.activeElement;
  const li = el && el.closest('li');
  return { row: el && el.getAttribute('data-row'), posinset: li && li.getAttribute('aria-posinset'),
    setsize: li && li.getAttribute('aria-setsize'), title: el && (el.querySelector('.clip-title') || el).textContent };
}`;

type Focused = { row: string | null; posinset: string | null; setsize: string | null; title: string | null };

describe('Gloss UI: a large library', () => {
  let h: Harness;
  let dir: string;

  beforeAll(async () => {
    dir = await tempDir('e2e-large');
    await generateLibrary(dir, { clips: CLIPS });
    h = await startHarness({ libraryDir: dir });
    await h.service().indexReady();
    await h.open();
  }, 240_000);

  afterAll(async () => {
    await h?.close();
  });

  const focused = () => h.page.evaluate(`(${FOCUSED})()`) as Promise<Focused>;

  it('sorts the library and narrows it by facets, with the counts the core gives', async () => {
    const { page } = h;
    const list = page.getByRole('list', { name: 'Clips' });
    await list.locator('.clip-row[data-clip-id]').first().waitFor();
    // Only a screenful of rows exists, though the list says how many there are.
    expect(await list.locator('li').count()).toBeLessThan(60);
    await expect(list.locator('li').first().getAttribute('aria-setsize')).resolves.toBe(String(CLIPS));
    await expect(page.locator('.page-count').textContent()).resolves.toBe(`${CLIPS.toLocaleString('en')} clips`);

    await page.getByLabel('Sort by').selectOption('title');
    const byTitle = await h.service().listClipsPage({ sort: 'title', limit: 1 });
    await list.locator('.clip-row').first().filter({ hasText: byTitle.rows[0]!.title }).waitFor();
    await page.getByRole('button', { name: /^Order: A to Z/ }).click();
    const reversed = await h.service().listClipsPage({ sort: 'title', desc: true, limit: 1 });
    await list.locator('.clip-row').first().filter({ hasText: reversed.rows[0]!.title }).waitFor();

    const facets = (await h.service().listClipsPage({ limit: 1 })).facets;
    const tag = facets.tags[0]!;
    await page
      .getByRole('group', { name: 'Tags' })
      .getByRole('button', { name: new RegExp(`^${tag.value} `) })
      .click();
    await page.locator('.page-count', { hasText: `${tag.count.toLocaleString('en')} clips match` }).waitFor();
    await expect(list.locator('li').first().getAttribute('aria-setsize')).resolves.toBe(String(tag.count));
    await page.getByRole('button', { name: /^Has highlights/ }).click();
    const both = await h.service().listClipsPage({ tag: tag.value, hasHighlights: true, limit: 1 });
    await page.locator('.page-count', { hasText: `${both.total.toLocaleString('en')} clips match` }).waitFor();
    await page.screenshot({ path: join(SCREENSHOTS_DIR, 'library-sort-facets.png') });
    await expect(seriousViolations(page)).resolves.toEqual([]);
    // Back to every clip; then the most highlighted first, narrowed to a collection, a site, and unread clips.
    await page.getByRole('button', { name: /^Has highlights/ }).click();
    await page
      .getByRole('group', { name: 'Tags' })
      .getByRole('button', { name: new RegExp(`^${tag.value} `) })
      .click();
    await page.locator('.page-count', { hasText: `${CLIPS.toLocaleString('en')} clips` }).waitFor();
    await page.getByLabel('Sort by').selectOption('highlights');
    const most = (await h.service().listClipsPage({ sort: 'highlights', limit: 1 })).rows[0]!;
    await list.locator('.clip-row').first().filter({ hasText: most.title }).waitFor();
    await expect(list.locator('.clip-row .clip-highlights').first().textContent()).resolves.toBe(
      `${most.highlightCount} highlights`,
    );
    const collection = facets.collections[0]!;
    await page
      .getByRole('group', { name: 'Collections' })
      .getByRole('button', { name: new RegExp(`^${collection.value} `) })
      .click();
    await page.locator('.page-count', { hasText: `${collection.count.toLocaleString('en')} clips match` }).waitFor();
    await page
      .getByRole('group', { name: 'Collections' })
      .getByRole('button', { name: new RegExp(`^${collection.value} `) })
      .click();
    const site = facets.sites[0]!;
    await page.getByRole('combobox', { name: /^Site\b/ }).selectOption(site.value);
    await page.locator('.page-count', { hasText: `${site.count.toLocaleString('en')} clips match` }).waitFor();
    await expect(list.locator('.clip-row .clip-site').first().textContent()).resolves.toBe(site.value);
    await page.getByRole('combobox', { name: /^Site\b/ }).selectOption('');
    await page.getByRole('button', { name: /^Unread/ }).click();
    const unread = await h.service().listClipsPage({ unread: true, limit: 1 });
    await page.locator('.page-count', { hasText: `${unread.total.toLocaleString('en')} clips match` }).waitFor();
    await page.getByRole('button', { name: /^Unread/ }).click();
    // Back to every clip, newest first.
    await page.getByLabel('Sort by').selectOption('clipped');
    await page.locator('.page-count', { hasText: `${CLIPS.toLocaleString('en')} clips` }).waitFor();
    h.assertNoErrors();
  });

  it('moves through the library by keyboard to its real ends, opens a clip and comes back to its row', async () => {
    const { page } = h;
    const list = page.getByRole('list', { name: 'Clips' });
    await list.locator('.clip-row').first().focus();
    await page.keyboard.press('ArrowDown');
    await expect(focused()).resolves.toMatchObject({ row: '1', posinset: '2', setsize: String(CLIPS) });
    await page.keyboard.press('End');
    const last = (await h.service().listClipsPage({ sort: 'clipped', offset: CLIPS - 1, limit: 1 })).rows[0]!;
    // The last page is read from the core, then the focus lands on the real last clip.
    await expect.poll(focused).toMatchObject({ row: String(CLIPS - 1), posinset: String(CLIPS), title: last.title });
    await page.keyboard.press('Home');
    await expect(focused()).resolves.toMatchObject({ row: '0', posinset: '1' });
    for (let i = 0; i < 12; i++) await page.keyboard.press('ArrowDown');
    const row = await focused();
    expect(row.row).toBe('12');

    const scrolled = () => page.evaluate(`document.querySelector('.library .vlist-scroll').scrollTop`);
    const before = await scrolled();
    expect(before).toBeGreaterThan(0);
    await page.keyboard.press('Enter');
    await page.locator('.article-title', { hasText: row.title! }).waitFor();
    // The library stays in the page under the reader, but out of sight, reach and the accessibility tree.
    await expect(page.getByRole('list', { name: 'Clips' }).count()).resolves.toBe(0);
    await expect(page.locator('.clip-row[data-row="12"]').isVisible()).resolves.toBe(false);
    await page.keyboard.press('Escape');
    await expect.poll(focused).toMatchObject({ row: '12', title: row.title });
    await expect(scrolled()).resolves.toBe(before);
    h.assertNoErrors();
  });

  it('reads the rows where a sweep through the list (a drag of the scroll bar) stops', async () => {
    const { page } = h;
    // Twelve frames of 2,400 px each (far more than a screenful a frame), then the list rests.
    const rest = (await page.evaluate(`new Promise((done) => {
      const el = document.querySelector('.library .vlist-scroll');
      let frames = 0;
      const step = () => {
        el.scrollTop += 2400;
        if (++frames < 12) requestAnimationFrame(step);
        else done(el.scrollTop);
      };
      requestAnimationFrame(step);
    })`)) as number;
    const rowHeight = parseFloat(
      await page
        .locator('.clip-list li')
        .first()
        .evaluate((li) => li.style.height),
    );
    const first = Math.ceil(rest / rowHeight);
    expect(first).toBeGreaterThan(100);
    const expected = (await h.service().listClipsPage({ sort: 'clipped', offset: first, limit: 3 })).rows;
    for (const [i, clip] of expected.entries()) {
      await page.locator(`.clip-row[data-row="${first + i}"][data-clip-id="${clip.id}"]`).waitFor();
    }
    h.assertNoErrors();
  });

  it('lists every highlight newest first, filters them, jumps to a passage and exports the filtered set', async () => {
    const { page } = h;
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('button', { name: /^Highlights/ })
      .click();
    const all = await h.service().listHighlightsPage({ limit: 1 });
    const list = page.getByRole('list', { name: 'Highlights' });
    await list.locator('.hl-row[data-highlight-id]').first().waitFor();
    await expect(list.locator('.hl-row').first().getAttribute('data-highlight-id')).resolves.toBe(
      all.rows[0]!.highlight.id,
    );
    await expect(page.locator('.page-count').textContent()).resolves.toBe(
      `${all.total.toLocaleString('en')} highlights`,
    );

    await page.getByRole('group', { name: 'Colour' }).getByRole('button', { name: 'Blue' }).click();
    const blue = await h.service().listHighlightsPage({ color: 'blue', limit: 1 });
    await page.locator('.page-count', { hasText: `${blue.total.toLocaleString('en')} highlights match` }).waitFor();
    await list.locator(`.hl-row[data-highlight-id="${blue.rows[0]!.highlight.id}"]`).waitFor();
    await page.screenshot({ path: join(SCREENSHOTS_DIR, 'highlights-view.png') });
    await expect(seriousViolations(page)).resolves.toEqual([]);

    // Export the filtered set to a file the (test's) save dialog answers with.
    const out = join(await tempDir('e2e-highlights'), 'highlights.md');
    h.answerDialogs(out);
    await page.getByRole('button', { name: 'Export these as Markdown…' }).click();
    await page
      .locator('.job', { hasText: /Exported/ })
      .first()
      .waitFor({ timeout: 60_000 });
    await page
      .locator('.job', { hasText: /Exported/ })
      .getByRole('button', { name: 'Close' })
      .click();
    const markdown = await readFile(out, 'utf8');
    expect(markdown).toContain(blue.rows[0]!.highlight.target.selector[0].exact.slice(0, 40));

    // End and Home reach the filtered list's real ends.
    await list.locator('.hl-row').first().focus();
    await page.keyboard.press('End');
    const lastBlue = (await h.service().listHighlightsPage({ color: 'blue', offset: blue.total - 1, limit: 1 }))
      .rows[0]!;
    await expect
      .poll(focused)
      .toMatchObject({ row: String(blue.total - 1), posinset: String(blue.total), setsize: String(blue.total) });
    // The focused last row is drawn at once and filled when its page of rows arrives from the core.
    await expect
      .poll(() => page.evaluate('document.activeElement.getAttribute("data-highlight-id")'))
      .toBe(lastBlue.highlight.id);
    await page.keyboard.press('Home');
    await expect(focused()).resolves.toMatchObject({ row: '0', posinset: '1' });

    // Enter on a row opens the reader at that highlight.
    await list.locator('.hl-row').first().focus();
    await page.keyboard.press('Enter');
    await page.locator(`.hl-item.active[data-highlight-id="${blue.rows[0]!.highlight.id}"]`).waitFor();
    await page.keyboard.press('Escape');
    await expect.poll(focused).toMatchObject({ row: '0' });

    // A tag narrows the set, with the core's count.
    const tagged = (await h.service().listHighlightsPage({ color: 'blue', limit: 200 })).rows.find(
      (r) => r.highlight.tags?.length,
    );
    expect(tagged, 'the generated library tags some blue highlights').toBeDefined();
    const tag = tagged!.highlight.tags![0]!;
    await page.getByRole('combobox', { name: /^Tag\b/ }).selectOption(tag);
    const withTag = await h.service().listHighlightsPage({ color: 'blue', tag, limit: 1 });
    const count = `${withTag.total.toLocaleString('en')} highlight${withTag.total === 1 ? '' : 's'} match`;
    await page.locator('.page-count', { hasText: new RegExp(`^${count}$`) }).waitFor();
    await page.getByRole('combobox', { name: /^Tag\b/ }).selectOption('');
    await page.getByRole('group', { name: 'Colour' }).getByRole('button', { name: 'Blue' }).click();
    await page.locator('.page-count', { hasText: `${all.total.toLocaleString('en')} highlights` }).waitFor();
    h.assertNoErrors();
  });

  it('counts every search result, by kind, and loads more as the list scrolls', async () => {
    const { page } = h;
    await page.keyboard.press('/');
    const box = page.getByRole('combobox', { name: 'Search your library' });
    const word = 'harbour';
    await box.fill(word);
    const expected = await h.service().searchPage({ query: word, limit: 1 });
    expect(expected.total).toBeGreaterThan(100);
    await page.locator('.result-count', { hasText: `${expected.total.toLocaleString('en')} results` }).waitFor();
    const tabs = page.getByRole('group', { name: 'Result kinds' });
    await expect(tabs.getByRole('button', { name: /^Highlights/ }).textContent()).resolves.toContain(
      expected.byKind.highlight.toLocaleString('en'),
    );
    await page.screenshot({ path: join(SCREENSHOTS_DIR, 'search-totals.png') });
    await expect(seriousViolations(page)).resolves.toEqual([]);

    // The arrows move the active result (the focus stays in the box); each option knows its place in the set.
    const results = page.getByRole('listbox', { name: 'Results' });
    await box.press('ArrowDown');
    await expect(box.getAttribute('aria-activedescendant')).resolves.toMatch(/r1$/);
    await expect(results.locator('.result[aria-selected="true"]').getAttribute('aria-posinset')).resolves.toBe('2');
    await expect(results.locator('.result').first().getAttribute('aria-setsize')).resolves.toBe(String(expected.total));
    await box.press('ArrowUp');

    // Scrolling to the end reads the later pages: the last result drawn is the total-th.
    await page.evaluate(`document.querySelector('.search .vlist-scroll').scrollTop = 1e9`);
    await results.locator(`.result[aria-posinset="${expected.total}"][data-kind]`).waitFor();
    // End from the box (Ctrl+End) makes the last result the active one.
    await box.press('Control+End');
    await expect(box.getAttribute('aria-activedescendant')).resolves.toMatch(new RegExp(`r${expected.total - 1}$`));

    // A kind tab narrows the query, shown as a chip.
    await tabs.getByRole('button', { name: /^Highlights/ }).click();
    await expect(box.inputValue()).resolves.toBe(`${word} kind:highlight`);
    await page
      .locator('.result-count', { hasText: `${expected.byKind.highlight.toLocaleString('en')} result` })
      .waitFor();
    await page
      .getByRole('list', { name: 'Filters' })
      .getByRole('button', { name: 'Kind highlight (remove filter)' })
      .waitFor();
    h.assertNoErrors();
  });

  it('finds notebook pages in search and in the command palette', async () => {
    const { page } = h;
    await page.keyboard.press('/');
    const box = page.getByRole('combobox', { name: 'Search your library' });
    await box.fill('working notes');
    await page.getByRole('listbox', { name: 'Results' }).locator('.result[data-kind="page"]').first().waitFor();
    await box.press('Escape');
    await page.keyboard.press('Control+k');
    await page.getByRole('combobox', { name: 'Type a command or a clip title' }).fill('working notes');
    await page
      .getByRole('option', { name: /Open page/ })
      .first()
      .waitFor();
    await page.keyboard.press('Escape');
    h.assertNoErrors();
  });
});
