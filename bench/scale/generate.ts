/**
 * A deterministic research archive for the scale benchmarks: clips of 500–2,000 words with about five
 * highlights each (some with notes and tags), tags, collections, sites, authors, publication and clip
 * dates spread over years, and notebook pages quoting highlights. The same seed always gives the same
 * library. Clips are written in bulk through the library store (`reserveClip` + `writeClips`), so the
 * result is an ordinary library the app and the CLI open; a 10k library takes well under a minute.
 *
 * Used by `npm run bench:scale` (core), the renderer's measurements (`bench/scale/ui.ts`) and the CLI
 * bench: `await generateLibrary(dir, { clips: 10_000 })`.
 */
import { describeRange } from '../../src/core/anchoring/describe';
import { LibraryStore } from '../../src/core/library/store';
import type { ClipDraft, ClipMeta, Highlight, HighlightColor } from '../../src/core/model';
import { HIGHLIGHT_COLORS } from '../../src/core/model';
import { PageStore } from '../../src/core/notebook/pageStore';
import { QUOTE_NODE_TYPE } from '../../src/core/notebook/types';
import { prng } from '../prng';

const COMMON = `the of and to a in is that for it as was with be by on not he this are or his from at which but have an
they you were her she there been one all we their has would when if so no will more what its said about than into
them can only other time new some could these two may first then do any like my now over such our even most made
after also did many before must through years where much your way well down should because each just those people
how too little state good very make world still own see work long get here between both life being under never day
same another know while last might great old year off come since against go came right used take three tide river
energy harbour coast storm current wave salt marsh reef island ocean wind power grid turbine policy climate water`.split(
  /\s+/,
);
const SYLLABLES =
  'ka ri to na me so lu vi de pa ro mi ne ta ba lo fe gu hi ja ke mo nu pe ra se ti ve wa an el in or'.split(' ');

/** Tags, collections, sites and authors drawn from fixed pools, so facets have realistic counts. */
const TAG_POOL = 60;
const COLLECTION_POOL = 12;
const SITE_POOL = 300;
const AUTHOR_POOL = 1500;

export interface GenerateOptions {
  /** How many clips. */
  clips: number;
  /** Another seed gives another library (default 7). */
  seed?: number;
  /** Notebook pages (default one per 50 clips, at least 2), each quoting a few highlights. */
  pages?: number;
  /** Called after each batch of clips is written. */
  onProgress?: (done: number, total: number) => void;
}

export interface GeneratedLibrary {
  dir: string;
  clips: number;
  highlights: number;
  pages: number;
  /** Words in all articles. */
  words: number;
}

const capital = (w: string) => w[0]!.toUpperCase() + w.slice(1);
const pad = (n: number) => String(n).padStart(2, '0');

/** The word source of one seed: common words first, then invented ones, drawn with a Zipf-like skew. */
function words(random: () => number) {
  const vocab = [...COMMON];
  const seen = new Set(vocab);
  while (vocab.length < COMMON.length + 8000) {
    let w = '';
    for (let n = 2 + Math.floor(random() * 3); n > 0; n--) w += SYLLABLES[Math.floor(random() * SYLLABLES.length)];
    if (seen.has(w)) continue;
    seen.add(w);
    vocab.push(w);
  }
  // rank = size^u - 1 is log-uniform, about Zipf's law (s = 1), without a table.
  const word = () => vocab[Math.min(vocab.length - 1, Math.floor(Math.pow(vocab.length, random())) - 1)]!;
  const sentence = (min: number, max: number) =>
    capital(Array.from({ length: min + Math.floor(random() * (max - min)) }, word).join(' ')) + '.';
  return { vocab, word, sentence };
}

/** One clip's article: paragraphs as `<p>` blocks, and the text `articleText` reads from them. */
function article(random: () => number, sentence: (min: number, max: number) => string): string[] {
  const target = 500 + Math.floor(random() * 1500);
  const paragraphs: string[] = [];
  let count = 0;
  while (count < target) {
    const p = Array.from({ length: 3 + Math.floor(random() * 4) }, () => sentence(8, 22)).join(' ');
    count += p.split(' ').length;
    paragraphs.push(p);
  }
  return paragraphs;
}

/** A generated clip before it is written: its draft, metadata extras and highlights. */
interface GeneratedClip {
  draft: ClipDraft;
  clippedAt: Date;
  tags: string[];
  collections: string[];
  highlights: (meta: ClipMeta) => Highlight[];
  words: number;
}

/** The clip generator of one seed: call it once per clip, in order. */
export function clipMaker(seed = 7) {
  const random = prng(seed);
  const { vocab, sentence } = words(random);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const tags = Array.from({ length: TAG_POOL }, (_, i) => vocab[COMMON.length + i * 3]!);
  const collections = Array.from({ length: COLLECTION_POOL }, (_, i) => `${capital(vocab[300 + i * 11]!)} project`);
  const sites = Array.from(
    { length: SITE_POOL },
    (_, i) => `${vocab[500 + i * 5]}${pick(['news', 'times', 'review', 'journal'])}.${pick(['com', 'org', 'net'])}`,
  );
  const authors = Array.from(
    { length: AUTHOR_POOL },
    () => `${capital(vocab[600 + Math.floor(random() * 3000)]!)} ${capital(vocab[700 + Math.floor(random() * 5000)]!)}`,
  );
  // Skewed picks: a few tags, sites and collections are common, most are rare.
  const skewed = <T>(list: readonly T[]) => list[Math.floor(list.length * random() ** 2)]!;
  const start = Date.UTC(2019, 0, 1);
  const span = Date.UTC(2025, 0, 1) - start;
  let n = 0;

  return (total: number): GeneratedClip => {
    const i = n++;
    const paragraphs = article(random, sentence);
    const text = paragraphs.join('\n');
    const html = paragraphs.map((p) => `<p>${p}</p>`).join('\n');
    const site = skewed(sites);
    const year = 2005 + Math.floor(random() * 20);
    const published =
      random() < 0.1 ? null : `${year}-${pad(1 + Math.floor(random() * 12))}-${pad(1 + Math.floor(random() * 28))}`;
    // Clip dates rise with the index (an archive grows over time), with a little jitter.
    const clippedAt = new Date(start + Math.floor(((i + random() * 0.9) / Math.max(1, total)) * span));
    const clipTags = Array.from(new Set(Array.from({ length: Math.floor(random() * 4) }, () => skewed(tags))));
    const clipCollections = random() < 0.4 ? [skewed(collections)] : [];
    // About five on average (0 to 14); at least one, so every Readwise book has a row.
    const highlightCount = Math.max(1, Math.round(random() * 10 * random() ** 0.5 * 1.45));
    const spans = Array.from({ length: highlightCount }, () => {
      const from = text.indexOf(' ', Math.floor(random() * (text.length - 300))) + 1;
      const end = text.indexOf(' ', from + 30 + Math.floor(random() * 150));
      return {
        from,
        end: end < 0 ? text.length : end,
        note: random() < 0.3 ? sentence(5, 16) : '',
        color: (random() < 0.6 ? 'yellow' : pick(HIGHLIGHT_COLORS)) as HighlightColor,
        tags: random() < 0.2 ? [skewed(tags)] : [],
        after: Math.floor(random() * 30 * 86_400_000),
      };
    });
    const title = sentence(4, 10).slice(0, -1);
    return {
      draft: {
        title,
        byline: pick(authors),
        site,
        published,
        url: `https://${site}/${year}/${title.toLowerCase().split(' ').slice(0, 6).join('-')}-${i}`,
        lang: 'en',
        excerpt: paragraphs[0]!.slice(0, 200),
        origin: 'url',
        html,
        text,
      },
      clippedAt,
      tags: clipTags,
      collections: clipCollections,
      words: text.split(' ').length,
      highlights: (meta) =>
        spans.map((s, k) => {
          const at = new Date(clippedAt.getTime() + s.after + k * 1000).toISOString();
          return {
            id: `${meta.id}-h${k}`,
            clipId: meta.id,
            createdAt: at,
            updatedAt: at,
            color: s.color,
            note: s.note,
            ...(s.tags.length && { tags: s.tags }),
            target: { source: meta.url ?? `gloss:clip/${meta.id}`, selector: describeRange(text, s.from, s.end) },
          };
        }),
    };
  };
}

/** Clips written per batch: each batch's drafts are dropped once written, so memory stays flat at 50k. */
const BATCH = 250;

/**
 * Writes a generated library of `options.clips` clips (and notebook pages) into `dir` (created if needed;
 * meant to be empty) and returns what it holds. The search index is not built: the first service to open
 * the library builds it in the background (the bench measures that separately).
 */
export async function generateLibrary(dir: string, options: GenerateOptions): Promise<GeneratedLibrary> {
  // The articles are plain ASCII words between single spaces: counting them needs no word segmenter.
  const store = await LibraryStore.open(dir, { countWords: (text) => text.split(/\s+/).filter(Boolean).length });
  const make = clipMaker(options.seed ?? 7);
  const result: GeneratedLibrary = { dir: store.path, clips: 0, highlights: 0, pages: 0, words: 0 };
  const quotable: Array<{ clipId: string; title: string; highlight: Highlight }> = [];
  const pageCount = options.pages ?? Math.max(2, Math.floor(options.clips / 50));
  for (let done = 0; done < options.clips;) {
    const made = Array.from({ length: Math.min(BATCH, options.clips - done) }, () => make(options.clips));
    const reservedAll = await Promise.all(made.map((clip) => store.reserveClip(clip.draft, clip.clippedAt)));
    const batch = [];
    for (const [k, clip] of made.entries()) {
      const reserved = reservedAll[k]!;
      const meta: ClipMeta = {
        ...reserved,
        ...(clip.tags.length && { tags: clip.tags }),
        ...(clip.collections.length && { collections: clip.collections }),
      };
      const highlights = clip.highlights(meta);
      result.words += clip.words;
      result.highlights += highlights.length;
      // Every few clips lends a highlight to the notebook pages.
      if (highlights[0] && quotable.length < pageCount * 4)
        quotable.push({ clipId: meta.id, title: meta.title, highlight: highlights[0] });
      batch.push({ meta, draft: clip.draft, highlights });
    }
    const failed = await store.writeClips(batch);
    if (failed.size) throw [...failed.values()][0]!;
    done += batch.length;
    result.clips = done;
    options.onProgress?.(done, options.clips);
  }
  const pages = await PageStore.open(store.path);
  const random = prng((options.seed ?? 7) + 1);
  const { sentence } = words(random);
  for (let p = 0; p < pageCount; p++) {
    const page = await pages.create(`Working notes ${p + 1}: ${sentence(2, 5).slice(0, -1)}`);
    const paragraph = () => ({
      type: 'paragraph',
      version: 1,
      children: [{ type: 'text', version: 1, text: sentence(10, 30), format: 0, detail: 0, mode: 'normal', style: '' }],
    });
    const children: unknown[] = [paragraph()];
    for (const q of quotable.slice(p * 4, p * 4 + 4)) {
      children.push({
        type: QUOTE_NODE_TYPE,
        version: 1,
        clipId: q.clipId,
        highlightId: q.highlight.id,
        quote: q.highlight.target.selector[0].exact,
        title: q.title,
        note: q.highlight.note,
      });
      children.push(paragraph());
    }
    await pages.save(page.id, page.title, { root: { type: 'root', version: 1, children } });
    result.pages++;
  }
  return result;
}

/** Quotes a CSV field when it needs it. */
const csvField = (value: string) => (/[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

/**
 * A Readwise highlights CSV (its export's columns) of `books` books with about five highlights each,
 * from the same kind of text as the clips; deterministic for a seed. No network is needed to import it.
 */
export function readwiseCsv(books: number, seed = 11): string {
  const make = clipMaker(seed);
  const rows = [
    'Highlight,Book Title,Book Author,Amazon Book ID,Note,Color,Tags,Location Type,Location,Highlighted at,Document tags',
  ];
  for (let b = 0; b < books; b++) {
    const clip = make(books);
    const fake = { id: `rw${b}`, url: null } as ClipMeta;
    for (const h of clip.highlights(fake)) {
      rows.push(
        [
          h.target.selector[0].exact,
          `${clip.draft.title} (${b})`,
          clip.draft.byline ?? '',
          '',
          h.note,
          h.color,
          (h.tags ?? []).join(', '),
          'order',
          String(h.target.selector[1].start),
          h.createdAt.replace('T', ' ').slice(0, 19),
          clip.tags.join(', '),
        ]
          .map(csvField)
          .join(','),
      );
    }
  }
  return rows.join('\n') + '\n';
}
