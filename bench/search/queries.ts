/**
 * The as-you-type query set: what a person types while looking for something, keystroke by keystroke.
 */
import { prng, type Archive } from './generate';

export interface QuerySet {
  /** Every query with the group it belongs to. */
  all: Array<{ group: 'prefix' | 'typo' | 'two words' | 'filter'; query: string }>;
  /** Whole mid-frequency words, for comparing the engines' top hits. */
  exact: string[];
  /** All the queries in a fixed shuffled order, so that any first part of it is a fair sample. */
  shuffled: string[];
}

/** Deterministic queries drawn from the archive's vocabulary (mid-frequency words, as people search). */
export function makeQueries(archive: Archive, seed = 7): QuerySet {
  const random = prng(seed);
  const { vocabulary } = archive;
  // Words a person would search for: neither "the" nor one-off, and long enough to type out.
  const word = () => {
    for (;;) {
      const w = vocabulary[200 + Math.floor(random() * 3000)]!;
      if (w.length >= 6) return w;
    }
  };
  const all: QuerySet['all'] = [];
  for (let i = 0; i < 25; i++) {
    const w = word();
    for (let n = 2; n <= w.length; n++) all.push({ group: 'prefix', query: w.slice(0, n) });
  }
  for (let i = 0; i < 30; i++) {
    const w = word();
    const at = 1 + Math.floor(random() * (w.length - 2));
    const typo = w.slice(0, at) + (w[at] === 'a' ? 'e' : 'a') + w.slice(at + 1);
    all.push({ group: 'typo', query: typo });
  }
  for (let i = 0; i < 15; i++) {
    const first = word();
    const second = word();
    for (let n = 1; n <= second.length; n++) all.push({ group: 'two words', query: `${first} ${second.slice(0, n)}` });
  }
  for (let i = 0; i < 30; i++) {
    const site = archive.sites[Math.floor(random() * archive.sites.length)]!;
    const w = word();
    all.push({ group: 'filter', query: i % 2 ? `${w} site:${site}` : `${w} after:2015` });
  }
  const exact = Array.from({ length: 20 }, word);
  const shuffled = all.map((q) => q.query);
  for (let i = shuffled.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
  }
  return { all, exact, shuffled };
}
