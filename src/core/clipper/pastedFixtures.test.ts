/** Realistic text copied from pages of different shapes, with what a reader expects of each. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { clipPastedText } from './pastedText';

interface Expectation {
  file: string;
  title: string;
  headings: string[];
  byline?: string | null;
  published?: string | null;
  lang: string | null;
  firstText: string;
  lastText: string;
  absent: string[];
  also?: (html: string) => void;
}

const CASES: Expectation[] = [
  {
    file: 'blog-share.txt',
    title: 'Why I Stopped Using Dark Mode',
    headings: ['What the Research Says', 'What I Do Now'],
    byline: 'Jane Doe',
    published: '2024-03-03',
    lang: 'en',
    firstText: 'For three years I kept every app',
    lastText: 'I no longer squint at code.',
    absent: [
      'Skip to content',
      'Subscribe',
      'Share this',
      'Facebook',
      'LinkedIn',
      'Like this',
      'Comments',
      'Leave a Reply',
      'Great post',
      '5 min read',
      'Blog',
      'About',
    ],
  },
  {
    file: 'academic-abstract.txt',
    title: 'Reproducible Pipelines for Large-Scale Text Analysis',
    headings: ['Abstract', 'Introduction', 'Methods', 'References'],
    byline: 'Maria Rossi, Kenji Tanaka and Olga Ivanova',
    published: '2023-05-12',
    lang: 'en',
    firstText: 'We present a framework',
    lastText: 'Software Review, 9, 33–51.',
    absent: ['Journal of Open Research Software', 'Menu', 'Sign in', 'Published:'],
    also: (html) => {
      expect(html).toContain('<p>Keywords: reproducibility, text mining, workflow systems, provenance</p>');
      expect(html).toMatch(/<ol><li>Smith, J\. \(2019\)/);
    },
  },
  {
    file: 'docs-page.txt',
    title: 'Configuring the Cache',
    headings: ['Choosing a Location', 'Clearing the Cache'],
    lang: 'en',
    firstText: 'The cache keeps recent build outputs',
    lastText: 'to see what would be removed.',
    absent: [
      'Skip to main content',
      'API Reference',
      'Guides',
      'On this page',
      'Edit this page',
      'helpful',
      'Previous',
      'Next',
    ],
    also: (html) => {
      expect(html).toContain("<pre><code>export default {\n  cacheDir: '/tmp/build-cache',\n};</code></pre>");
      expect(html).toContain('<li>Use the --force flag to skip the confirmation prompt.</li>');
    },
  },
  {
    file: 'russian-news.txt',
    title: 'Центробанк сохранил ключевую ставку на уровне 21%',
    headings: ['Реакция рынка'],
    byline: 'Иван Петров',
    published: '2025-08-19',
    lang: 'ru',
    firstText: 'Банк России на очередном заседании',
    lastText: 'запланировано на сентябрь.',
    absent: ['Главная', 'Новости', 'Поиск', 'English', 'мин чтения', 'Читайте также', 'Минфин', 'бензин'],
    also: (html) => expect(html).toContain('<figure><figcaption>Фото: Сергей Иванов/ТАСС</figcaption></figure>'),
  },
  {
    file: 'related-tail.txt',
    title: 'City Council Approves New Bike Lanes Downtown',
    headings: [],
    published: '2025-06-02',
    lang: 'en',
    firstText: 'The city council voted 7–2',
    lastText: 'Construction is expected to finish in late 2026.',
    absent: [
      'Menu',
      'Subscribe',
      'Updated',
      'Listen to this article',
      'Advertisement',
      'Related articles',
      'Mayor Unveils',
      'Most popular',
      'Restaurants',
    ],
  },
  {
    file: 'single-newline.txt',
    title: 'The Quiet Return of the Paper Notebook',
    headings: ['A Tool for Thinking'],
    lang: 'en',
    firstText: 'Sales of paper notebooks have grown',
    lastText: 'the shelves of stationery shops are full again.',
    absent: [],
    also: (html) => expect(html.match(/<p>/g)).toHaveLength(5),
  },
];

describe('clipPastedText on copied pages of different shapes', () => {
  for (const c of CASES) {
    it(c.file, () => {
      const text = readFileSync(new URL(`../../../test/fixtures/clipper/${c.file}`, import.meta.url), 'utf8');
      const draft = clipPastedText(text);
      expect(draft.title).toBe(c.title);
      expect([...draft.html.matchAll(/<h2>(.*?)<\/h2>/g)].map((m) => m[1])).toEqual(c.headings);
      if (c.byline !== undefined) expect(draft.byline).toBe(c.byline);
      if (c.published !== undefined) expect(draft.published).toBe(c.published);
      expect(draft.lang).toBe(c.lang);
      const body = draft.text.trim();
      const firstPara = body.split('\n').find((l) => !c.headings.includes(l)) ?? '';
      expect(firstPara.startsWith(c.firstText)).toBe(true);
      expect(body.endsWith(c.lastText)).toBe(true);
      for (const cruft of c.absent) expect(draft.text).not.toContain(cruft);
      expect(draft.text).not.toContain(draft.title);
      c.also?.(draft.html);
    });
  }
});
