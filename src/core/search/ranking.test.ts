import { describe, expect, it } from 'vitest';
import { parseQuery, removeFilter } from '../common/searchQuery';
import { SearchIndex } from './searchIndex';
import { highlight, meta } from './testDocs';

const filler = (n: number) => 'The committee met again and the minutes were read aloud to everyone present. '.repeat(n);

const ids = async (index: SearchIndex, q: string) => (await index.search(q, { limit: 50 })).map((r) => r.id);

describe('ranking', () => {
  it('never ranks a match in the site name alone above title or body matches', async () => {
    const index = new SearchIndex();
    // Many clips from a site whose name is the word, none of which uses it; short texts score high.
    for (let i = 0; i < 8; i++) index.addClip(meta(`n${i}`, `Cell biology ${i}`, { site: 'Nature' }), 'Short note.');
    index.addClip(meta('body', 'Walks'), `${filler(30)} We walked in nature for an hour. ${filler(30)}`);
    index.addClip(meta('title', 'Nature writing today'), filler(40));
    index.addClip(meta('med', 'A Medium-sized dog', { site: 'Medium' }), filler(2));
    const nature = await ids(index, 'nature');
    expect(nature.slice(0, 2).sort()).toEqual(['body', 'title']);
    expect(nature).toHaveLength(10);
    index.addClip(meta('m1', 'On the medium of paint'), filler(20));
    for (let i = 0; i < 5; i++) index.addClip(meta(`mm${i}`, `Essay ${i}`, { site: 'Medium' }), 'Brief.');
    const medium = await ids(index, 'medium');
    expect(medium.slice(0, 2).sort()).toEqual(['m1', 'med']);
  });

  it('puts the words side by side above the same words apart', async () => {
    const index = new SearchIndex();
    index.addClip(
      meta('apart', 'Notes'),
      'Tidal flows shape the coast. ' + 'Barrage engineers argue about tidal range and every barrage. '.repeat(5),
    );
    index.addClip(meta('together', 'Notes'), `${filler(5)} The tidal barrage opened. ${filler(5)}`);
    expect((await ids(index, 'tidal barrage'))[0]).toBe('together');
    expect((await ids(index, 'tidal barr'))[0]).toBe('together');
    expect(await ids(index, '"tidal barrage"')).toEqual(['together']);
  });

  it('returns nothing without the words, unless a typo or a beginning explains it', async () => {
    const index = new SearchIndex();
    index.addClip(meta('a', 'Harbour dredging'), 'The harbour was dredged in spring.');
    index.addClip(meta('b', 'Estuary silt'), 'Silt settles where the river slows.');
    index.addClip(meta('c', 'Harbour fees'), 'Fees rose at the harbour.');
    const words = async (q: string) => (await index.search(q)).map((r) => r.id).sort();
    expect(await words('harbour silt')).toEqual([]);
    expect(await words('harbour dredg')).toEqual(['a']);
    expect(await words('harbuur')).toEqual(['a', 'c']);
    expect(await words('ha')).toEqual(['a', 'c']);
    expect(await words('zebra')).toEqual([]);
    for (const q of ['harbour', 'silt', 'river sl', 'fees']) {
      for (const r of await index.search(q)) {
        const text = `${r.title} ${r.snippet}`.toLowerCase();
        for (const w of q.split(' ')) expect(text).toContain(w);
      }
    }
  });

  it('counts and pages through every completion of a short beginning, however many', async () => {
    const index = new SearchIndex();
    // 40 different words beginning with "co", each in its own clip: more than the completions scored in full.
    const words = Array.from(
      { length: 40 },
      (_, i) => `co${String.fromCharCode(97 + (i % 26))}${'x'.repeat(1 + Math.floor(i / 26))}q${i}`,
    );
    words.forEach((w, i) => index.addClip(meta(`w${i}`, `Clip ${i}`), `Some text with ${w} inside.`));
    index.addClip(meta('none', 'Other'), 'Nothing beginning so here.');
    const page = await index.searchPage('co', { limit: 10 });
    expect(page.total).toBe(40);
    const all = new Set<string>();
    for (let offset = 0; offset < 40; offset += 10)
      for (const r of (await index.searchPage('co', { offset, limit: 10 })).results) all.add(r.id);
    expect(all.size).toBe(40);
    expect(all.has('none')).toBe(false);
  });
});

describe('query features', () => {
  function library() {
    const index = new SearchIndex();
    const ledger = meta('ledger', 'Grain prices climb', {
      site: 'The Eastern Ledger',
      url: 'https://www.eastern-ledger.example/2024/grain',
      byline: 'Ann Young',
      tags: ['Field work', 'essays'],
      collections: ['Thesis'],
      published: '2023-06-15',
    });
    const text = 'Farmers sold grain early. Prices climbed through the summer.';
    index.addClip(ledger, text);
    index.setHighlights(ledger, [
      { ...highlight('ledger', 'h1', text, 'sold grain early', 'why so early?'), tags: ['market'] },
    ]);
    index.addClip(
      meta('post', 'Summer rain and grain', {
        site: 'Harbour Post',
        url: 'https://post.example/a',
        published: '2021-02-01',
      }),
      'Rain delayed the harvest of grain in the valley.',
    );
    index.addPage({ id: 'pg', title: 'Working notes', updatedAt: '2024-03-01T10:00:00.000Z' }, 'Compare grain prices.');
    return index;
  }
  const hits = async (index: SearchIndex, q: string) =>
    (await index.search(q, { limit: 50 })).map((r) => `${r.kind}:${r.highlightId ?? r.id}`).sort();

  it('title: keeps the hits whose title holds the words', async () => {
    const index = library();
    expect(await hits(index, 'title:summer')).toEqual(['article:post']);
    expect(await hits(index, 'grain title:prices')).toEqual(['article:ledger']);
    expect(await hits(index, 'title:notes')).toEqual(['page:pg']);
    expect(parseQuery('title:"grain prices" rain').filters).toEqual([{ key: 'title', value: 'grain prices' }]);
    expect(removeFilter('rain title:grain', { key: 'title', value: 'grain' })).toBe('rain');
  });

  it('site: matches the name or the address, and its highlights', async () => {
    const index = library();
    expect(await hits(index, 'site:eastern-ledger.example')).toEqual(['article:ledger', 'highlight:h1']);
    expect(await hits(index, 'site:ledger')).toEqual(['article:ledger', 'highlight:h1']);
    expect(await hits(index, 'grain site:post.example')).toEqual(['article:post']);
    expect(await hits(index, 'site:"eastern led"')).toEqual(['article:ledger', 'highlight:h1']);
    expect(await hits(index, 'site:nowhere')).toEqual([]);
  });

  it('finds tags as words and filters by tag, collection, author, kind and date', async () => {
    const index = library();
    expect(await hits(index, 'essays')).toEqual(['article:ledger']);
    expect(await hits(index, 'field work')).toEqual(['article:ledger']);
    expect(await hits(index, 'market')).toEqual(['highlight:h1']);
    expect(await hits(index, 'tag:essays')).toEqual(['article:ledger', 'highlight:h1']);
    expect(await hits(index, 'tag:market')).toEqual(['highlight:h1']);
    expect(await hits(index, 'tag:"field work"')).toEqual(['article:ledger', 'highlight:h1']);
    expect(await hits(index, 'collection:thesis kind:article')).toEqual(['article:ledger']);
    expect(await hits(index, 'author:young')).toEqual(['article:ledger', 'highlight:h1']);
    expect(await hits(index, 'kind:note')).toEqual(['highlight:h1']);
    expect(await hits(index, 'kind:page grain')).toEqual(['page:pg']);
    expect(await hits(index, 'grain after:2023 before:2024')).toEqual(['article:ledger', 'highlight:h1']);
    expect(await hits(index, 'grain before:2023-06-15')).toEqual(['article:post']);
    expect(await hits(index, 'grain after:2023-06-15 kind:article')).toEqual(['article:ledger']);
    expect(await hits(index, 'grain after:2023-06-16')).toEqual(['page:pg']);
    // Filters alone list what they match, newest first.
    expect((await index.search('after:2000')).map((r) => r.id)).toEqual(['pg', 'ledger', 'ledger', 'post']);
  });

  it('follows a clip’s new site, tags and date in its highlights', async () => {
    const index = library();
    const moved = meta('ledger', 'Grain prices climb', { site: 'Western Gazette', published: '2019-01-01' });
    index.addClip(moved, 'Farmers sold grain early. Prices climbed through the summer.');
    expect(await hits(index, 'site:ledger')).toEqual([]);
    expect(await hits(index, 'site:gazette')).toEqual(['article:ledger', 'highlight:h1']);
    expect(await hits(index, 'before:2020')).toEqual(['article:ledger', 'highlight:h1']);
    expect(await hits(index, 'tag:market')).toEqual(['highlight:h1']);
    expect(await hits(index, 'tag:essays')).toEqual([]);
  });
});
