import { describe, expect, it } from 'vitest';
import { SearchIndex } from './searchIndex';
import { highlight, meta } from './testDocs';

const filler = 'The weather stayed mild all week and the markets were calm. '.repeat(6);
const talksText = `${filler}After months of delay, negotiations between the unions and the ministry resumed on Tuesday.\n\n${filler}Observers expect a deal before the summer.`;
const cafeText = 'Le café du coin ouvre à sept heures. Les habitués arrivent tôt.';
const russianText = 'Переговоры между профсоюзами и министерством возобновились во вторник.';

function buildIndex() {
  const index = new SearchIndex();
  const talks = meta('talks', 'Labour talks resume', { byline: 'Ann Writer', site: 'news.example' });
  index.addClip(talks, talksText);
  index.addClip(meta('cafe', 'Un matin au café'), cafeText);
  index.addClip(meta('ru', 'Новости'), russianText);
  index.addClip(
    meta('other', 'Gardening notes'),
    'Plant the tomatoes after the last frost. The negotiations with the slugs continue.',
  );
  index.setHighlights(talks, [
    highlight('talks', 'h1', talksText, 'Observers expect a deal', 'key forecast for the unions'),
  ]);
  return index;
}

describe('SearchIndex', async () => {
  it('finds clips by title, byline and body', async () => {
    const index = buildIndex();
    expect((await index.search('labour'))[0]).toMatchObject({
      id: 'talks',
      kind: 'article',
      title: 'Labour talks resume',
    });
    expect((await index.search('writer')).map((r) => r.id)).toEqual(['talks']);
    expect((await index.search('tomatoes')).map((r) => r.id)).toEqual(['other']);
  });

  it('finds highlights by quote and by note, with their ids and positions', async () => {
    const index = buildIndex();
    const byQuote = (await index.search('observers')).find((r) => r.kind === 'highlight');
    const start = talksText.indexOf('Observers expect a deal');
    expect(byQuote).toMatchObject({
      id: 'talks',
      highlightId: 'h1',
      title: 'Labour talks resume',
      snippet: 'Observers expect a deal',
    });
    expect(byQuote!.position).toEqual({ start, end: start + 'Observers expect a deal'.length });
    expect(byQuote!.marks).toEqual([[0, 9]]);
    const byNote = await index.search('forecast');
    expect(byNote).toHaveLength(1);
    expect(byNote[0]).toMatchObject({ kind: 'highlight', highlightId: 'h1', snippet: 'Observers expect a deal' });
  });

  it('matches prefixes as you type and forgives small typos', async () => {
    const index = buildIndex();
    expect((await index.search('negot')).map((r) => r.id).sort()).toEqual(['other', 'talks']);
    expect((await index.search('negotations')).map((r) => r.id).sort()).toEqual(['other', 'talks']);
  });

  it('requires every word to match', async () => {
    const index = buildIndex();
    expect((await index.search('negotiations unions')).map((r) => r.id)).toEqual(['talks']);
    expect(await index.search('negotiations zebra')).toEqual([]);
  });

  it('folds accents both ways and handles Cyrillic', async () => {
    const index = buildIndex();
    expect((await index.search('cafe')).map((r) => r.id)).toEqual(['cafe']);
    expect((await index.search('CAFÉ')).map((r) => r.id)).toEqual(['cafe']);
    expect((await index.search('habitues')).map((r) => r.id)).toEqual(['cafe']);
    const ru = await index.search('переговоры');
    expect(ru.map((r) => r.id)).toEqual(['ru']);
    expect(ru[0]!.snippet.slice(...ru[0]!.marks[0]!)).toBe('Переговоры');
    expect((await index.search('вторн')).map((r) => r.id)).toEqual(['ru']);
  });

  it('makes a plain-text snippet around the match with marks and a position in the full text', async () => {
    const index = buildIndex();
    const [hit] = (await index.search('resumed')).filter((r) => r.kind === 'article');
    expect(hit!.snippet.length).toBeLessThanOrEqual(240);
    expect(hit!.snippet).toContain('resumed on Tuesday');
    expect(hit!.snippet).not.toMatch(/\n/);
    expect(hit!.marks).toHaveLength(1);
    const [ms, me] = hit!.marks[0]!;
    expect(hit!.snippet.slice(ms, me)).toBe('resumed');
    expect(hit!.position).toEqual({ start: talksText.indexOf('resumed'), end: talksText.indexOf('resumed') + 7 });
    expect(talksText.slice(hit!.position!.start, hit!.position!.end)).toBe('resumed');
  });

  it('marks the words that matched by prefix or typo, as they are in the text', async () => {
    const index = buildIndex();
    const hit = (await index.search('negot minstry')).find((r) => r.id === 'talks')!;
    expect(hit.marks.map(([s, e]) => hit.snippet.slice(s, e))).toEqual(['negotiations', 'ministry']);
    const cafe = (await index.search('cafe'))[0]!;
    expect(cafe.marks.map(([s, e]) => cafe.snippet.slice(s, e))).toEqual(['café']);
  });

  it('forgives a typo after the first letter, not in it (the typo walk reads one branch)', async () => {
    const index = buildIndex();
    expect((await index.search('minsitry')).map((r) => r.id)).toContain('talks');
    expect(await index.search('ninistry')).toEqual([]);
  });

  it('forgives two neighbouring letters swapped as one slip, even where one edit is all a word is allowed', async () => {
    const index = buildIndex();
    // "resumed" is allowed one edit; the swap is two for the typo walk, so it is looked up on its own.
    expect((await index.search('resmued')).map((r) => r.id)).toContain('talks');
    expect(await index.search('ersumed')).toEqual([]);
  });

  it('ranks title and highlight matches above body-only matches', async () => {
    const index = new SearchIndex();
    index.addClip(meta('body', 'Something else'), 'A long piece. ' + 'Deal deal deal. '.repeat(20));
    index.addClip(meta('title', 'The deal'), 'Nothing relevant here at all, just text about other things. '.repeat(10));
    const withH = meta('hl', 'Unrelated');
    const text = 'Filler text. '.repeat(50) + 'They signed the deal.';
    index.addClip(withH, text);
    index.setHighlights(withH, [highlight('hl', 'x', text, 'signed the deal')]);
    const kinds = (await index.search('deal')).map((r) => `${r.kind}:${r.id}`);
    expect(kinds.indexOf('article:body')).toBeGreaterThan(kinds.indexOf('article:title'));
    expect(kinds.indexOf('article:body')).toBeGreaterThan(kinds.indexOf('highlight:hl'));
  });

  it('removes a clip with its highlights, and replaces highlights', async () => {
    const index = buildIndex();
    index.removeClip('talks');
    expect(await index.search('observers')).toEqual([]);
    expect(await index.search('labour')).toEqual([]);
    const talks = meta('talks', 'Labour talks resume');
    index.addClip(talks, talksText);
    index.setHighlights(talks, [highlight('talks', 'h2', talksText, 'the ministry')]);
    index.setHighlights(talks, [highlight('talks', 'h3', talksText, 'before the summer')]);
    expect((await index.search('ministry')).filter((r) => r.kind === 'highlight')).toEqual([]);
    expect((await index.search('summer')).filter((r) => r.kind === 'highlight').map((r) => r.highlightId)).toEqual([
      'h3',
    ]);
  });

  it('re-adding a clip updates its title without duplicating it', async () => {
    const index = buildIndex();
    index.addClip(meta('cafe', 'Morning coffee'), cafeText);
    expect((await index.search('cafe')).map((r) => `${r.id}:${r.title}`)).toEqual(['cafe:Morning coffee']);
    expect(await index.search('matin')).toEqual([]);
  });

  it('returns nothing for an empty query and respects the limit', async () => {
    const index = buildIndex();
    expect(await index.search('')).toEqual([]);
    expect(await index.search('   \n')).toEqual([]);
    expect(await index.search('!!!')).toEqual([]);
    for (let i = 0; i < 30; i++) index.addClip(meta(`m${i}`, `Memo ${i}`), 'memo text');
    expect(await index.search('memo')).toHaveLength(20);
    expect(await index.search('memo', { limit: 5 })).toHaveLength(5);
  });
});
