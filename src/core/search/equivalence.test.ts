/**
 * Gloss's own index against MiniSearch on the same documents, tokenizer and folding: for whole words
 * and for beginnings of words (every completion, not a capped few), both must find the same documents.
 */
import MiniSearch from 'minisearch';
import { describe, expect, it } from 'vitest';
import { SearchIndex } from './searchIndex';
import { foldTerm, tokenize } from './terms';
import { meta } from './testDocs';
import { prng } from '../../../bench/prng';

const SYLLABLES = 'ka ri to na me so lu vi de pa ro mi ne ta ba co con ver sa tion ing er'.split(' ');

function corpus(count: number) {
  const random = prng(11);
  const vocab = Array.from({ length: 600 }, () => {
    let w = '';
    for (let n = 1 + Math.floor(random() * 3); n >= 0; n--) w += SYLLABLES[Math.floor(random() * SYLLABLES.length)];
    return w;
  });
  // Skewed towards the first words, as real vocabularies are.
  const word = () => vocab[Math.floor(vocab.length * random() ** 3)]!;
  const text = (n: number) => Array.from({ length: n }, word).join(' ');
  return {
    vocab,
    docs: Array.from({ length: count }, (_, i) => ({ id: `d${i}`, title: text(4), body: text(30 + (i % 50)) })),
  };
}

describe('the index against MiniSearch', () => {
  it('finds the same documents for whole words, beginnings and several words', async () => {
    const { vocab, docs } = corpus(400);
    const gloss = new SearchIndex();
    const mini = new MiniSearch({
      fields: ['title', 'body'],
      tokenize,
      processTerm: (t) => foldTerm(t) || null,
    });
    for (const d of docs) {
      gloss.addClip(meta(d.id, d.title), d.body);
      mini.add(d);
    }
    const queries = [
      ...vocab.slice(0, 40).filter((w) => w.length >= 4),
      ...['ka', 'co', 'con', 'ver', 'tio', 'mi', 'sa'],
      `${vocab[0]} ${vocab[5]}`,
      `${vocab[3]} co`,
    ];
    for (const q of queries) {
      // Gloss expands a word the index knows to its completions too, and skips typos for it.
      const expected = mini
        .search(q, { prefix: (term) => term.length >= 2, combineWith: 'AND', fuzzy: false })
        .map((r) => String(r.id).slice(1))
        .sort();
      const page = await gloss.searchPage(q, { limit: 500, snippets: false });
      const found = page.results.map((r) => r.id.slice(1)).sort();
      expect(found, q).toEqual(expected);
      expect(page.total, q).toBe(expected.length);
    }
  });
});
