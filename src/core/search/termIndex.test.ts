import MiniSearch from 'minisearch';
import { describe, expect, it } from 'vitest';
import { MAX_FUZZY_TERMS, MAX_PREFIX_TERMS, TermIndex } from './termIndex';
import { SearchIndex } from './searchIndex';
import { meta } from './testDocs';

/** 40 words starting "harb", the i-th in i+1 documents (so "harb39" is the most widespread). */
function harbourIndex() {
  const index = new TermIndex<{ id: string; body: string }>({ fields: ['body'] });
  for (let doc = 0; doc < 40; doc++) {
    const words = Array.from({ length: 40 }, (_, i) => (i >= doc ? `harb${String(i).padStart(2, '0')}` : 'filler'));
    index.add({ id: `d${doc}`, body: `${words.join(' ')} tide harbour` });
  }
  return index;
}

describe('TermIndex.add', () => {
  it('builds exactly the index MiniSearch builds', () => {
    const options = {
      fields: ['title', 'body'],
      storeFields: ['title'],
      processTerm: (t: string) => (t.length > 1 ? t.toLowerCase() : null),
    };
    const docs = [
      { id: 'a', title: 'Tide and tide', body: 'The tide turns; the TIDE turns again. A b c.' },
      { id: 'b', title: 'Café', body: 'Le café du coin, le café du port.' },
      { id: 'c', body: 'No title here, only the body and the body.' },
    ];
    const theirs = new MiniSearch(options);
    const ours = new TermIndex(options);
    for (const doc of docs) {
      theirs.add(doc);
      ours.add(doc);
    }
    theirs.replace({ id: 'a', title: 'Tides', body: 'Rewritten tide text.' });
    ours.replace({ id: 'a', title: 'Tides', body: 'Rewritten tide text.' });
    expect(JSON.parse(JSON.stringify(ours))).toEqual(JSON.parse(JSON.stringify(theirs)));
    expect(() => ours.add(docs[1]!)).toThrow(/duplicate ID/);
  });
});

describe('TermIndex.expand', () => {
  it('caps the completions of a prefix, keeping the most widespread', () => {
    const terms = harbourIndex().expand('harb', { prefix: true, maxDistance: 1 });
    expect(terms[0]).toEqual({ term: 'harb', weight: 1 });
    const completions = terms.slice(1).map((t) => t.term);
    expect(completions).toHaveLength(MAX_PREFIX_TERMS);
    // "harb39" and "harbour" are in every document (the shorter first), then "harb38" in all but one…
    expect(completions.slice(0, 4)).toEqual(['harb39', 'harbour', 'harb38', 'harb37']);
    // A known beginning is not treated as a typo: no neighbours such as "tide" for "harb".
    expect(completions.every((t) => t.startsWith('harb'))).toBe(true);
    for (const t of terms.slice(1)) expect(t.weight).toBeLessThan(1);
  });

  it('looks for typo neighbours of an unknown word, capped too', () => {
    const index = harbourIndex();
    // "harb3x" is one substitution away from harb30…harb39.
    const terms = index.expand('harb3x', { prefix: true, maxDistance: 1 });
    expect(terms.slice(1).map((t) => t.term)).toEqual(
      ['harb39', 'harb38', 'harb37', 'harb36', 'harb35', 'harb34'].slice(0, MAX_FUZZY_TERMS),
    );
    expect(index.expand('tode', { prefix: true, maxDistance: 1 }).map((t) => t.term)).toEqual(['tode', 'tide']);
  });
});

describe('search with capped expansions', () => {
  it('still finds typo’d words of four letters and more, alone and after other words', async () => {
    const index = new SearchIndex();
    index.addClip(meta('tides', 'Spring tides'), 'The tide came in over the harbour wall at dawn.');
    index.addClip(meta('mills', 'Old mills'), 'The mill wheel turned with the river.');
    for (let i = 0; i < 60; i++)
      index.addClip(meta(`n${i}`, `Note ${i}`), `Harbwords harb${i}x and tidings of tidbits number ${i}.`);
    const ids = async (q: string) => (await index.search(q, { limit: 100 })).map((r) => r.id);
    expect(await ids('tode')).toContain('tides'); // 4 letters, one substitution
    expect(await ids('hrabour')).toEqual([]); // a swap is two edits: too many for 7 letters
    expect(await ids('harbuor')).toEqual([]);
    expect(await ids('harbovr')).toContain('tides'); // 7 letters, one substitution
    expect(await ids('mill wheal')).toEqual(['mills']);
    // A prefix with many completions searches the most widespread; typing on reaches the rare ones.
    expect((await ids('harb')).filter((id) => id.startsWith('n'))).toHaveLength(60);
    expect(await ids('harbou')).toEqual(['tides']);
  });
});
