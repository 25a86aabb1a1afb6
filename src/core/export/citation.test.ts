import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import { describe, expect, it } from 'vitest';
import { bibtex, cslJson, formatReferences, toCsl } from './citation';
import { cslDataSchema } from './cslDataSchema';
import { cslName, splitAuthors } from './names';
import { clipMeta as clip } from '../library/testHelpers';

const news = clip('20261206-aaaaaaa1', {
  title: 'Tidal power comes of age',
  byline: 'Ledger Newsroom',
  site: 'The Eastern Ledger',
  published: '2024-08-09',
  url: 'https://ledger.example/tidal',
});
const who = clip('20261206-aaaaaaa2', {
  title: 'Malaria fact sheet',
  byline: 'World Health Organization',
  site: 'who.int',
  published: '2023-12-04',
  url: 'https://www.who.int/news-room/fact-sheets/detail/malaria',
});
const blog = clip('20261206-aaaaaaa3', {
  title: 'Letter from Birmingham Jail',
  byline: 'Martin Luther King Jr.',
  site: 'Archive Notes',
  published: '1963-04-16',
  url: 'https://archive.example/blog/letter',
});
const story = clip('20261206-aaaaaaa4', {
  title: 'The ones who walk away',
  byline: 'Ursula K. Le Guin',
  site: 'New Dimensions Magazine',
  published: '1973-10',
  url: 'https://magazine.example/omelas',
});
const paper = clip('20261206-aaaaaaa5', {
  title: 'Coral reefs & heat_stress: 100% {bleached}',
  byline: 'Ana Silva, Vincent van Gogh',
  site: 'nature.com',
  published: '2022-02-01',
  url: 'https://www.nature.com/articles/x',
  biblio: {
    type: 'article-journal',
    containerTitle: 'Nature Climate Change',
    volume: '12',
    issue: '2',
    pages: '101-117',
    doi: '10.1038/s41558-022-01234-5',
  },
});
const page = clip('20261206-aaaaaaa6', { title: 'Tide tables', site: 'tides.example', url: 'https://tides.example/' });
const library = [news, who, blog, story, paper, page];

describe('names', () => {
  it('parses particles and suffixes, and keeps organisations whole', () => {
    expect(cslName('Ursula K. Le Guin')).toEqual({ given: 'Ursula K.', family: 'Le Guin' });
    expect(cslName('Martin Luther King Jr.')).toEqual({ given: 'Martin Luther', family: 'King', suffix: 'Jr.' });
    expect(cslName('Vincent van Gogh')).toEqual({ given: 'Vincent', family: 'Gogh', 'non-dropping-particle': 'van' });
    expect(cslName('World Health Organization')).toEqual({ literal: 'World Health Organization' });
    expect(cslName('Ledger Newsroom')).toEqual({ literal: 'Ledger Newsroom' });
    expect(cslName('NASA Earth Observatory')).toEqual({ literal: 'NASA Earth Observatory' });
    expect(cslName('Harbour Times', 'Harbour Times')).toEqual({ literal: 'Harbour Times' });
    expect(splitAuthors('By Ana Silva, Martin Luther King, Jr. and Tom Reyes')).toEqual([
      'Ana Silva',
      'Martin Luther King Jr.',
      'Tom Reyes',
    ]);
  });
});

describe('CSL-JSON', () => {
  it('types each clip by what it is, with the site or journal as container, and validates against the CSL schema', () => {
    const items = JSON.parse(cslJson(library));
    expect(cslDataSchema.safeParse(items).error).toBeUndefined();
    expect(items.map((i: { type: string }) => i.type)).toEqual([
      'article-newspaper',
      'webpage',
      'post-weblog',
      'article-magazine',
      'article-journal',
      'webpage',
    ]);
    expect(toCsl(news)).toMatchObject({
      'container-title': 'The Eastern Ledger',
      author: [{ literal: 'Ledger Newsroom' }],
    });
    expect(toCsl(paper)).toMatchObject({
      'container-title': 'Nature Climate Change',
      volume: '12',
      issue: '2',
      page: '101-117',
      DOI: '10.1038/s41558-022-01234-5',
    });
  });

  it('refuses what the schema refuses (the check can fail)', () => {
    expect(cslDataSchema.safeParse([{ id: 'x', type: 'web-page', title: 'T' }]).success).toBe(false);
    expect(cslDataSchema.safeParse([{ id: 'x', type: 'webpage', site: 'T' }]).success).toBe(false);
    expect(cslDataSchema.safeParse([{ id: 'x', type: 'webpage', author: [{ given: 'A' }] }]).success).toBe(false);
  });
});

describe('BibTeX', () => {
  const text = bibtex(library);

  it('writes valid months and dates, the site, DOI and organisations, and parses back with citation-js', () => {
    expect(text).not.toMatch(/month = \{/);
    expect(text).toContain('month = aug');
    expect(text).toContain('date = {2024-08-09}');
    expect(text).toContain('journal = {The Eastern Ledger}');
    expect(text).toContain('howpublished = {who.int}');
    expect(text).toContain('author = {{Ledger Newsroom}}');
    expect(text).toContain('author = {King, Jr., Martin Luther}');
    expect(text).toContain('author = {Le Guin, Ursula K.}');
    expect(text).toContain('pages = {101--117}');
    expect(text).toContain('doi = {10.1038/s41558-022-01234-5}');
    const parsed = new Cite(text).data as Array<Record<string, unknown>>;
    expect(parsed).toHaveLength(library.length);
    expect(parsed.map((p) => p['title'])).toEqual(library.map((m) => m.title));
    const byKey = new Map(parsed.map((p) => [p['citation-key'], p]));
    const ledger = byKey.get('ledgernewsroom2024tidal')!;
    expect(ledger).toMatchObject({ type: 'article-journal', 'container-title': 'The Eastern Ledger' });
    expect(ledger['issued']).toEqual({ 'date-parts': [[2024, 8, 9]] });
    expect(byKey.get('king1963letter')!['author']).toEqual([{ given: 'Martin Luther', family: 'King', suffix: 'Jr.' }]);
    expect(byKey.get('leguin1973ones')!['author']).toEqual([{ given: 'Ursula K.', family: 'Le Guin' }]);
    expect(byKey.get('silva2022coral')!['DOI']).toBe('10.1038/s41558-022-01234-5');
  });
});

describe('formatted references', () => {
  it('APA from the official style: organisations whole, the site as written', () => {
    const apa = formatReferences([who, news, blog], 'apa');
    expect(apa).toContain('World Health Organization. (2023, December 4). Malaria fact sheet. who.int.');
    expect(apa).toContain('Ledger Newsroom. (2024, August 9). Tidal power comes of age. The Eastern Ledger.');
    expect(apa).toContain('King, M. L., Jr. (1963, April 16).');
  });

  it('Chicago author-date from the official style', () => {
    const chicago = formatReferences([paper, story], 'chicago');
    expect(chicago).toContain(
      'Silva, Ana, and Vincent van Gogh. 2022. “Coral Reefs & Heat_stress: 100% {bleached}.” Nature Climate Change 12 (2): 101–17. https://doi.org/10.1038/s41558-022-01234-5.',
    );
    expect(chicago).toContain('Le Guin, Ursula K. 1973. “The Ones Who Walk Away.” New Dimensions Magazine, October.');
  });
});
