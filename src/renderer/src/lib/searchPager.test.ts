import { afterEach, describe, expect, it } from 'vitest';
import type { SearchPage } from '@core/model';
import { SearchPager } from './searchPager';

/** The page's `window.gloss.searchPage`, answered by the test in the order it chooses. */
function withSearch() {
  const calls: Array<{ query: string; answer: (total: number) => void }> = [];
  const searchPage = (input: { query: string }) =>
    new Promise<SearchPage>((ok) =>
      calls.push({
        query: input.query,
        answer: (total) =>
          ok({ total, offset: 0, results: [], byKind: { article: total, highlight: 0, page: 0 } } as SearchPage),
      }),
    );
  (globalThis as { window?: unknown }).window = { gloss: { searchPage } };
  return calls;
}

const settle = () => new Promise((ok) => setTimeout(ok, 0));

describe('SearchPager', () => {
  afterEach(() => {
    delete (globalThis as { window?: unknown }).window;
  });

  it('keeps one query in flight, sends the newest typed meanwhile, and never shows an older answer over it', async () => {
    const calls = withSearch();
    const pager = new SearchPager();
    pager.type('r');
    pager.type('ri');
    pager.type('riv');
    expect(calls.map((c) => c.query)).toEqual(['r']);
    calls[0]!.answer(30);
    await settle();
    // "ri" was typed and passed over while "r" was on its way; "r" is not the box's query, so it is not shown.
    expect(calls.map((c) => c.query)).toEqual(['r', 'riv']);
    expect(pager.shown).toBeNull();
    calls[1]!.answer(3);
    await settle();
    expect(pager.shown?.query).toBe('riv');
    expect(pager.shown?.source.getSnapshot().total).toBe(3);
  });

  it('sends a query at once when none is in flight, and shows each answer as it comes', async () => {
    const calls = withSearch();
    const pager = new SearchPager();
    pager.type('river');
    calls[0]!.answer(5);
    await settle();
    expect(pager.shown?.query).toBe('river');
    pager.type('rivers');
    expect(calls.map((c) => c.query)).toEqual(['river', 'rivers']);
    calls[1]!.answer(2);
    await settle();
    expect(pager.shown?.query).toBe('rivers');
    // Emptied while a query is on its way: nothing is shown, and its late answer does not come back.
    pager.type('rivers x');
    pager.type('');
    calls[2]!.answer(1);
    await settle();
    expect(pager.shown).toBeNull();
    expect(calls).toHaveLength(3);
  });
});
