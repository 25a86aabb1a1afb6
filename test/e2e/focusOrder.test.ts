/**
 * Keyboard reach and empty states across the views, in the real renderer: Tab visits only visible controls,
 * in reading order (sidebar first, then the view), each with a visible focus indicator and no positive
 * tabindex; every empty view says what to do next and offers the action, reachable by Tab.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Harness } from './harness';
import { SCREENSHOTS_DIR, startHarness } from './harness';

/** One Tab stop as the page sees it. */
interface Stop {
  name: string;
  visible: boolean;
  indicated: boolean;
  tabIndex: number;
  inSidebar: boolean;
  /** Its place in document order (unique per element). */
  order: number;
}

/** Browser side: the focused element, whether it can be seen, and whether its focus shows (outline or ring). */
const FOCUSED = `() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const box = el.getBoundingClientRect();
  const style = getComputedStyle(el);
  const ring = (s) => (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || (s.boxShadow && s.boxShadow !== 'none');
  // A control styled through its parent's :focus-within (a search box, a segmented choice) counts too.
  const parent = el.closest('.search-box, .segment, label');
  const name = (el.getAttribute('aria-label') || el.textContent || el.getAttribute('placeholder') || el.tagName).trim().replace(/\\s+/g, ' ').slice(0, 40);
  return {
    name,
    visible: box.width > 0 && box.height > 0 && style.visibility !== 'hidden',
    indicated: ring(style) || (parent ? ring(getComputedStyle(parent)) || ring(getComputedStyle(parent.querySelector('span') || parent)) : false),
    tabIndex: el.tabIndex,
    inSidebar: !!el.closest('.sidebar'),
    order: [...document.querySelectorAll('*')].indexOf(el),
  };
}`;

describe('Gloss UI: focus order and empty states', () => {
  let h: Harness;

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS_DIR, { recursive: true });
    h = await startHarness();
    await h.open();
  });

  afterAll(async () => {
    await h?.close();
  });

  /**
   * Tabs round the whole page once (until focus comes back to the first stop, or `max` presses), recording
   * each stop, and returns them from the first in document order: the order Tab takes from the top.
   */
  async function tabStops(max = 80): Promise<Stop[]> {
    const { page } = h;
    const stops: Stop[] = [];
    for (let i = 0; i < max; i++) {
      await page.keyboard.press('Tab');
      const stop = (await page.evaluate(`(${FOCUSED})()`)) as Stop | null;
      if (!stop) continue; // past the last control: the next Tab wraps to the first
      if (stops.length && stop.order === stops[0]!.order) break;
      stops.push(stop);
    }
    const top = stops.reduce((best, s, i) => (s.order < stops[best]!.order ? i : best), 0);
    return [...stops.slice(top), ...stops.slice(0, top)];
  }

  /** Checks the stops of the view on screen now: all visible, all indicated, sidebar first, no positive tabindex. */
  async function expectGoodOrder(view: string): Promise<Stop[]> {
    const stops = await tabStops();
    expect(stops.length, `${view}: ${JSON.stringify(stops.map((s) => s.name))}`).toBeGreaterThan(3);
    expect(
      stops.filter((s) => !s.visible).map((s) => s.name),
      `${view}: hidden stops`,
    ).toEqual([]);
    expect(
      stops.filter((s) => !s.indicated).map((s) => s.name),
      `${view}: stops without a visible focus`,
    ).toEqual([]);
    expect(
      stops.filter((s) => s.tabIndex > 0).map((s) => s.name),
      `${view}: positive tabindex`,
    ).toEqual([]);
    const orders = stops.map((s) => s.order);
    expect(orders, `${view}: Tab follows the document order`).toEqual([...orders].sort((a, b) => a - b));
    const firstMain = stops.findIndex((s) => !s.inSidebar);
    expect(
      stops.slice(firstMain).some((s) => s.inSidebar),
      `${view}: the sidebar comes first`,
    ).toBe(false);
    return stops;
  }

  const nav = (name: string | RegExp) => h.page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name });

  it('says what to do next in every empty view, with the action reachable by Tab', async () => {
    const { page } = h;
    await page.getByRole('heading', { name: 'Your library is empty' }).waitFor();
    const library = await expectGoodOrder('empty library');
    expect(library.map((s) => s.name)).toContain('Clip something');

    await nav('Notebook').click();
    await page.getByRole('heading', { name: 'Your notebook is empty' }).waitFor();
    await expect(page.locator('.notebook .empty-state p').textContent()).resolves.toMatch(/Quote highlights/);
    const notebook = await expectGoodOrder('empty notebook');
    expect(notebook.filter((s) => s.name === 'New page').length).toBeGreaterThan(0);

    await nav(/Search/).click();
    await expect(page.locator('.search-hint').first().textContent()).resolves.toContain(
      'Search the text of every clip',
    );
    await page.keyboard.type('anything');
    await expect.poll(() => page.locator('.search-hint').textContent()).toContain('Your library is empty');
    await expect(
      page.locator('.search-hint').getByRole('button', { name: 'Clip something' }).isVisible(),
    ).resolves.toBe(true);
    await page.screenshot({ path: join(SCREENSHOTS_DIR, 'search-empty-library.png') });
    h.assertNoErrors();
  });

  it('reaches every control of the library, reader, search, notebook and settings in order, focus always visible', async () => {
    const { page } = h;
    const clip = await h.service().clipText({
      title: 'Slow reading',
      text: 'Slow reading is a habit of attention. '.repeat(40),
    });
    await h.service().addHighlight({ clipId: clip.id, start: 0, end: 36, note: 'the thesis' });
    await nav('Library').click();
    h.service().sendCommand('reload-library');
    await page.locator('.clip-row', { hasText: 'Slow reading' }).waitFor();
    const library = await expectGoodOrder('library');
    expect(library.some((s) => s.name.includes('Slow reading'))).toBe(true);

    await page.locator('.clip-row', { hasText: 'Slow reading' }).click();
    await page.locator('.article-title', { hasText: 'Slow reading' }).waitFor();
    const reader = await expectGoodOrder('reader');
    // The article's controls come before the highlight panel's.
    const back = reader.findIndex((s) => s.name === 'Library');
    const firstHighlight = reader.findIndex((s) => s.name.startsWith('Slow reading is a habit'));
    expect(back).toBeGreaterThanOrEqual(0);
    expect(firstHighlight).toBeGreaterThan(back);
    // "Reader: go to highlights" (the View menu, Ctrl/Cmd+Shift+H) puts the focus on the panel's first card.
    h.service().sendCommand('highlights-panel');
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.closest('.hl-item')?.textContent ?? ''))
      .toContain('Slow reading is a habit');

    await nav(/Search/).click();
    await page.keyboard.type('habit');
    await page.getByRole('listbox', { name: 'Results' }).locator('[role="option"]').first().waitFor();
    await expectGoodOrder('search');

    await nav('Notebook').click();
    await page.getByRole('button', { name: 'New page' }).first().click();
    await page.getByRole('textbox', { name: 'Page title' }).waitFor();
    await expectGoodOrder('notebook page');
    await page.getByRole('textbox', { name: 'Page', exact: true }).focus();
    await page.screenshot({ path: join(SCREENSHOTS_DIR, 'notebook-focus.png') });

    await nav('Settings').click();
    await page.getByText('Node.js').waitFor();
    await expectGoodOrder('settings');
    h.assertNoErrors();
  });
});
