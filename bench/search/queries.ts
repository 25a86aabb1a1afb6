/**
 * The as-you-type query set: what a person types while looking for something, keystroke by keystroke,
 * plus filters alone, phrases with common words, and typos.
 */
import { prng, type Archive } from './generate';

export type QueryKind = 'prefix' | 'typo' | 'two words' | 'filter' | 'filter only' | 'phrase';

export interface BenchQuery {
  kind: QueryKind;
  query: string;
  /** For typos: the word meant. */
  meant?: string;
}

export interface QuerySet {
  /** Every query with the kind it belongs to. */
  all: BenchQuery[];
  /** Whole mid-frequency words, for comparing the engines' top hits. */
  exact: string[];
  /** All the queries in a fixed shuffled order, so that any first part of it is a fair sample. */
  shuffled: BenchQuery[];
}

/** Deterministic queries drawn from the archive's vocabulary (mid-frequency words, as people search). */
export function makeQueries(archive: Archive, seed = 7): QuerySet {
  const random = prng(seed);
  const { vocabulary, articles } = archive;
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  // Words a person would search for: neither "the" nor one-off, and long enough to type out.
  const word = () => {
    for (;;) {
      const w = vocabulary[200 + Math.floor(random() * 3000)]!;
      if (w.length >= 6) return w;
    }
  };
  const all: BenchQuery[] = [];
  // Typed letter by letter: the 2–4-letter beginnings are the costly ones.
  for (let i = 0; i < 25; i++) {
    const w = word();
    for (let n = 2; n <= w.length; n++) all.push({ kind: 'prefix', query: w.slice(0, n) });
  }
  for (let i = 0; i < 30; i++) {
    const w = word();
    const at = 1 + Math.floor(random() * (w.length - 2));
    const typo = w.slice(0, at) + (w[at] === 'a' ? 'e' : 'a') + w.slice(at + 1);
    all.push({ kind: 'typo', query: typo, meant: w });
  }
  for (let i = 0; i < 15; i++) {
    const first = word();
    const second = word();
    for (let n = 1; n <= second.length; n++) all.push({ kind: 'two words', query: `${first} ${second.slice(0, n)}` });
  }
  for (let i = 0; i < 30; i++) {
    const site = pick(archive.sites);
    const w = word();
    all.push({ kind: 'filter', query: i % 2 ? `${w} site:${site}` : `${w} after:2015` });
  }
  for (let i = 0; i < 30; i++) {
    const a = pick(articles);
    const surname = a.byline.split(' ')[1]!.toLowerCase();
    const forms = [
      `site:${a.site}`,
      `author:"${surname}"`,
      `after:${2005 + (i % 20)}`,
      `site:${a.site.split('.')[0]} before:2015`,
      `author:"${surname}" after:2010`,
    ];
    all.push({ kind: 'filter only', query: forms[i % forms.length]! });
  }
  // Three words as they stand in an article, one of them a common word ("of", "the"…).
  const common = new Set(vocabulary.slice(0, 60));
  for (let found = 0, tries = 0; found < 30 && tries < 10_000; tries++) {
    const words = pick(articles)
      .text.toLowerCase()
      .split(/[^a-z]+/);
    const at = Math.floor(random() * (words.length - 3));
    const three = words.slice(at, at + 3);
    if (three.length < 3 || three.some((w) => !w) || !three.some((w) => common.has(w))) continue;
    if (three.every((w) => common.has(w))) continue;
    all.push({ kind: 'phrase', query: `"${three.join(' ')}"` });
    found++;
  }
  const exact = Array.from({ length: 20 }, word);
  const shuffled = [...all];
  for (let i = shuffled.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
  }
  return { all, exact, shuffled };
}
