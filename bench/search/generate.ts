/**
 * A deterministic archive for the search benchmark: articles of 500–2,000 words drawn from a
 * Zipf-distributed vocabulary (common English words first, then a long tail of rarer words), with
 * titles, sites, authors, dates, highlights and notes. The same seed always gives the same archive.
 */

import { prng } from '../prng';

export { prng };

const COMMON = `the of and to a in is that for it as was with be by on not he this are or his from at which but have an
they you were her she there been one all we their has would when if so no will more what its said about than
into them can only other time new some could these two may first then do any like my now over such our man me
even most made after also did many before must through years where much your way well down should because each
just those people how too little state good very make world still own see men work long get here between both
life being under never day same another know while last might us great old year off come since against go came
right used take three government war report minister talks deal court police market prices economy election
army city region state president party vote border troops gains losses energy gas oil bank rates inflation`.split(
  /\s+/,
);

const SYLLABLES =
  'ka ri to na me so lu vi de pa ro mi ne ta ba lo fe gu hi ja ke ly mo nu pe qu ra se ti ve wa xe yo zu an el in or un ar es is os us ber dor gan lin mar nor par ran sel tor ven'.split(
    ' ',
  );

/** The vocabulary, most frequent first: the common words, then 30,000 invented words of 2–4 syllables. */
function vocabulary(random: () => number): string[] {
  const words = new Set(COMMON);
  while (words.size < COMMON.length + 30_000) {
    const n = 2 + Math.floor(random() * 3);
    let w = '';
    for (let i = 0; i < n; i++) w += SYLLABLES[Math.floor(random() * SYLLABLES.length)];
    words.add(w);
  }
  return [...words];
}

/**
 * Draws ranks with probability ∝ 1/(rank+1)^s. An inverse-CDF table of 2^20 buckets makes each draw one
 * lookup (the generator draws tens of millions of words); ranks rarer than one bucket share a bucket.
 */
function zipf(size: number, s: number, random: () => number): () => number {
  const buckets = 1 << 20;
  const table = new Uint32Array(buckets);
  let total = 0;
  for (let r = 0; r < size; r++) total += 1 / Math.pow(r + 1, s);
  let cumulative = 0;
  let r = 0;
  for (let i = 0; i < buckets; i++) {
    const x = ((i + 0.5) / buckets) * total;
    while (r < size - 1 && cumulative + 1 / Math.pow(r + 1, s) < x) cumulative += 1 / Math.pow(++r, s);
    table[i] = r;
  }
  return () => table[Math.floor(random() * buckets)]!;
}

export interface BenchHighlight {
  id: string;
  quote: string;
  note: string;
  start: number;
}

export interface BenchArticle {
  id: string;
  title: string;
  site: string;
  byline: string;
  published: string;
  text: string;
  highlights: BenchHighlight[];
}

export interface Archive {
  articles: BenchArticle[];
  /** The vocabulary, most frequent first (for making queries). */
  vocabulary: string[];
  sites: string[];
}

const capital = (w: string) => w[0]!.toUpperCase() + w.slice(1);

/** Generates `count` articles from `seed`. */
export function generateArchive(count: number, seed = 42): Archive {
  const random = prng(seed);
  const vocab = vocabulary(random);
  const rank = zipf(vocab.length, 1.07, random);
  const word = () => vocab[rank()]!;
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const sites = Array.from(
    { length: 200 },
    (_, i) => `${vocab[200 + i * 7]}${pick(['news', 'times', 'review', 'post'])}.${pick(['com', 'org', 'net', 'ru'])}`,
  );
  const authors = Array.from(
    { length: 2000 },
    () => `${capital(vocab[300 + Math.floor(random() * 3000)]!)} ${capital(vocab[400 + Math.floor(random() * 5000)]!)}`,
  );
  const sentence = (min: number, max: number) => {
    const n = min + Math.floor(random() * (max - min));
    const words = Array.from({ length: n }, word);
    return capital(words.join(' ')) + '.';
  };
  const articles: BenchArticle[] = [];
  for (let i = 0; i < count; i++) {
    const target = 500 + Math.floor(random() * 1500);
    const paragraphs: string[] = [];
    let words = 0;
    while (words < target) {
      const sentences = Array.from({ length: 3 + Math.floor(random() * 4) }, () => sentence(8, 25));
      words += sentences.join(' ').split(' ').length;
      paragraphs.push(sentences.join(' '));
    }
    const text = paragraphs.join('\n\n');
    const highlights: BenchHighlight[] = [];
    for (let h = Math.floor(random() * 4); h > 0; h--) {
      const start = Math.floor(random() * (text.length - 200));
      const from = text.indexOf(' ', start) + 1;
      const quote = text.slice(from, text.indexOf(' ', from + 40 + Math.floor(random() * 100)));
      highlights.push({ id: `h${i}x${h}`, quote, note: random() < 0.35 ? sentence(5, 15) : '', start: from });
    }
    const year = 2005 + Math.floor(random() * 20);
    const published = `${year}-${String(1 + Math.floor(random() * 12)).padStart(2, '0')}-${String(1 + Math.floor(random() * 28)).padStart(2, '0')}`;
    articles.push({
      id: `c${i}`,
      title: sentence(4, 10).slice(0, -1),
      site: pick(sites),
      byline: pick(authors),
      published,
      text,
      highlights,
    });
  }
  return { articles, vocabulary: vocab, sites };
}
