import { describe, expect, it } from 'vitest';
import { dayRange, parseQuery, removeFilter } from '../common/searchQuery';
import { SearchIndex } from './searchIndex';
import { containsPhrase } from './terms';
import { highlight, meta } from './testDocs';

const warText = 'The army reported territorial gains in the east. Gains were small elsewhere.';
const otherText = 'Territorial disputes and economic gains were discussed at the summit.';

function buildIndex() {
  const index = new SearchIndex();
  const war = meta('war', 'Front line report', {
    site: 'www.NYTimes.com',
    byline: 'Anna Müller',
    published: '2023-03-15',
  });
  index.addClip(war, warText);
  index.addClip(
    meta('summit', 'Summit notes', { site: 'example.org', byline: 'Bob Stone', published: '2024-07-01' }),
    otherText,
  );
  index.setHighlights(war, [
    highlight('war', 'h1', warText, 'territorial gains', 'check the map'),
    highlight('war', 'h2', warText, 'Gains were small'),
  ]);
  return index;
}

const ids = (results: Array<{ kind: string; id: string; highlightId: string | null }>) =>
  results.map((r) => (r.highlightId ? `${r.kind}:${r.highlightId}` : `${r.kind}:${r.id}`));

describe('parseQuery', () => {
  it('separates words, filters and phrases', () => {
    expect(parseQuery('site:example.org "territorial gains" ukr author:"Ann Lee" KIND:Article')).toEqual({
      text: 'ukr',
      filters: [
        { key: 'site', value: 'example.org' },
        { key: 'author', value: 'Ann Lee' },
        { key: 'kind', value: 'article' },
      ],
      phrases: ['territorial gains'],
      hints: [],
    });
  });

  it('searches an unclosed phrase as words while it is typed, and ignores a filter without a value yet', () => {
    expect(parseQuery('"territorial ga')).toMatchObject({ text: 'territorial ga', phrases: [] });
    expect(parseQuery('gains site:')).toMatchObject({ text: 'gains', filters: [], hints: [] });
  });

  it('hints at unknown filters and bad values, and searches unknown filters as words', () => {
    const q = parseQuery('foo:bar gains kind:video before:2024-13');
    expect(q.text).toBe('foo bar gains');
    expect(q.filters).toEqual([]);
    expect(q.hints).toHaveLength(3);
    expect(q.hints[0]).toMatch(/“foo:” is not a filter/);
    expect(q.hints[1]).toMatch(/kind: takes article, highlight, note, page/);
    expect(q.hints[2]).toMatch(/before: takes a date/);
    expect(parseQuery('see https://example.org').hints).toEqual([]);
  });

  it('reads dates as years, months and days', () => {
    expect(dayRange('2024')).toEqual({ from: '2024-01-01', to: '2025-01-01' });
    expect(dayRange('2024-12')).toEqual({ from: '2024-12-01', to: '2025-01-01' });
    expect(dayRange('2024-02-29')).toEqual({ from: '2024-02-29', to: '2024-03-01' });
    expect(dayRange('2023-02-29')).toBeNull();
    expect(dayRange('May 2024')).toBeNull();
  });
});

describe('removeFilter', () => {
  it('takes one filter out of the query, whatever its spelling, and tidies the spacing', () => {
    expect(removeFilter('tides site:example.org after:2020', { key: 'site', value: 'example.org' })).toBe(
      'tides after:2020',
    );
    expect(removeFilter('a Author:"Ann Lee" b', { key: 'author', value: 'Ann Lee' })).toBe('a b');
    expect(removeFilter('kind:Highlight tides', { key: 'kind', value: 'highlight' })).toBe('tides');
    // Only the first of two equal filters, and nothing when the query has no such filter.
    expect(removeFilter('tag:x tides tag:x', { key: 'tag', value: 'x' })).toBe('tides tag:x');
    expect(removeFilter('tides site:a.org', { key: 'site', value: 'b.org' })).toBe('tides site:a.org');
    // What remains parses to the other filters.
    const rest = removeFilter('"tidal power" site:a.org before:2020 foo:bar', { key: 'site', value: 'a.org' });
    expect(parseQuery(rest)).toMatchObject({
      filters: [{ key: 'before', value: '2020' }],
      phrases: ['tidal power'],
      text: 'foo bar',
    });
  });
});

describe('SearchIndex query language', () => {
  it('matches quoted phrases word for word', async () => {
    const index = buildIndex();
    expect(ids(await index.search('territorial gains'))).toContain('article:summit');
    const phrase = await index.search('"territorial gains"');
    expect(ids(phrase).sort()).toEqual(['article:war', 'highlight:h1']);
    const article = phrase.find((r) => r.kind === 'article')!;
    expect(article.marks.map(([s, e]) => article.snippet.slice(s, e)).slice(0, 2)).toEqual(['territorial', 'gains']);
  });

  it('finds exactly the documents holding a phrase of common words (not those with its word pairs apart)', async () => {
    // 300 texts of a few common words in a seeded random order: most hold every word and most word
    // pairs of each phrase, few the phrase itself; the hits must be what reading every text finds.
    const words = ['is', 'the', 'two', 'of', 'a', 'and', 'to', 'like', 'same', 'do'];
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const index = new SearchIndex();
    const texts = new Map<string, string>();
    for (let i = 0; i < 300; i++) {
      const text = Array.from({ length: 20 + Math.floor(next() * 200) }, () => words[Math.floor(next() * 10)]).join(
        ' ',
      );
      texts.set(`c${i}`, text);
      index.addClip(meta(`c${i}`, `Text ${i}`), text);
    }
    for (const phrase of ['is the two', 'the same do', 'like and to', 'two two', 'of a the is']) {
      const expected = [...texts].filter(([, text]) => containsPhrase(text, phrase.split(' '))).map(([id]) => id);
      const page = await index.searchPage(`"${phrase}"`, { limit: 300, snippets: false });
      expect(page.results.map((r) => r.id).sort(), phrase).toEqual(expected.sort());
      expect(expected.length, phrase).toBeLessThan(300);
      expect(expected.length, phrase).toBeGreaterThan(0);
    }
  });

  it('filters by site and author, folding case and accents, and lists what filters alone match', async () => {
    const index = buildIndex();
    expect(ids(await index.search('gains site:nytimes kind:article'))).toEqual(['article:war']);
    expect(ids(await index.search('gains author:muller kind:article'))).toEqual(['article:war']);
    expect(ids(await index.search('site:example.org'))).toEqual(['article:summit']);
    expect(ids(await index.search('gains site:example.org site:nytimes kind:article')).sort()).toEqual([
      'article:summit',
      'article:war',
    ]);
  });

  it('filters by kind: article, highlight, note (a highlight with a note) and page', async () => {
    const index = buildIndex();
    expect(ids(await index.search('gains kind:highlight')).sort()).toEqual(['highlight:h1', 'highlight:h2']);
    expect(ids(await index.search('gains kind:note'))).toEqual(['highlight:h1']);
    expect(ids(await index.search('kind:note'))).toEqual(['highlight:h1']);
    expect(await index.search('gains kind:page')).toEqual([]);
  });

  it('filters by date: before a period began, after (or in) a period', async () => {
    const index = buildIndex();
    expect(ids(await index.search('gains before:2024 kind:article'))).toEqual(['article:war']);
    expect(ids(await index.search('gains after:2024-07 kind:article'))).toEqual(['article:summit']);
    expect(ids(await index.search('gains after:2023-03-15 before:2023-03-16 kind:article'))).toEqual(['article:war']);
    expect(await index.search('gains after:2025')).toEqual([]);
  });

  it('accepts tag: and collection: without error; they match nothing until clips have them', async () => {
    const index = buildIndex();
    expect(await index.search('gains tag:ukraine')).toEqual([]);
    expect(await index.search('collection:thesis')).toEqual([]);
  });

  it('still searches the words of an unknown filter', async () => {
    const index = buildIndex();
    expect(ids(await index.search('front:line kind:article'))).toEqual(['article:war']);
  });

  it('puts the more recent clip first when scores tie', async () => {
    const index = new SearchIndex();
    index.addClip(meta('old', 'Harbour', { published: '2019-01-01' }), 'The harbour reopened.');
    index.addClip(meta('new', 'Harbour', { published: '2024-01-01' }), 'The harbour reopened.');
    index.addClip(meta('mid', 'Harbour', { published: '2021-06-01' }), 'The harbour reopened.');
    expect(ids(await index.search('harbour'))).toEqual(['article:new', 'article:mid', 'article:old']);
  });

  it('finds Chinese and Japanese words inside unspaced sentences', async () => {
    const index = new SearchIndex();
    index.addClip(meta('zh', '新闻'), '我们在北京大学学习中文。');
    index.addClip(meta('ja', 'ニュース'), '東京都に住んでいます。');
    expect(ids(await index.search('大学'))).toEqual(['article:zh']);
    expect(ids(await index.search('学习'))).toEqual(['article:zh']);
    const [hit] = await index.search('東京');
    expect(hit!.snippet.slice(...hit!.marks[0]!)).toBe('東京');
  });
});
