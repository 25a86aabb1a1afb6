import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import type { AnchoredHighlight, ClipDocument, ClipMeta } from '../model';
import { bibtex, cslJson, formatReferences, quoteWithCitation, toCsl } from './citation';
import { safeFileStem, FileNamer } from './fileNames';
import { exportClipFile } from './formats';
import { clipMarkdown } from './markdown';
import { ANNOTATION_CONTEXT } from './w3c';

const meta: ClipMeta = {
  id: '20250305-k3v9q0xz',
  title: 'Tidal Power Comes of Age',
  byline: 'Ines Calder and Tom Reyes',
  site: 'Harbour Review',
  published: '2025-03-04T08:00:00Z',
  url: 'https://harbour.example/tidal',
  lang: 'en',
  excerpt: 'Turbines ran all winter.',
  words: 40,
  clippedAt: '2025-05-01T10:00:00.000Z',
  origin: 'url',
};

const html =
  '<h2>The winter test</h2>\n<p>The turbines ran through the <em>winter storms</em>.</p>\n<table><thead><tr><th>Year</th><th>GWh</th></tr></thead><tbody><tr><td>2024</td><td>41</td></tr></tbody></table>';
const text = 'The winter test\nThe turbines ran through the winter storms.\nYearGWh2024 41';

function highlight(id: string, exact: string, note: string, anchor: AnchoredHighlight['anchor']): AnchoredHighlight {
  const start = anchor?.start ?? 0;
  return {
    id,
    clipId: meta.id,
    createdAt: '2025-05-02T10:00:00.000Z',
    updatedAt: '2025-05-02T11:00:00.000Z',
    color: 'yellow',
    note,
    target: {
      source: meta.url!,
      selector: [
        { type: 'TextQuoteSelector', exact, prefix: '', suffix: '' },
        { type: 'TextPositionSelector', start, end: anchor ? anchor.end : 0 },
      ],
    },
    anchor,
  };
}

const document: ClipDocument = {
  meta,
  html,
  text,
  highlights: [
    highlight('b2', 'winter storms', '', { start: 44, end: 57, method: 'position' }),
    highlight('a1', 'The turbines ran', 'Key claim\nsecond line', { start: 16, end: 32, method: 'position' }),
    highlight('c_3', 'a quote that lost its place', '', null),
  ],
};

describe('citations', () => {
  it('BibTeX parses back with citation-js to the same metadata', () => {
    const [item] = new Cite(bibtex([meta])).data as Array<Record<string, unknown>>;
    expect(item!['citation-key']).toBe('calder2025tidal');
    expect(item!.title).toBe(meta.title);
    expect(item!.author).toEqual([
      { given: 'Ines', family: 'Calder' },
      { given: 'Tom', family: 'Reyes' },
    ]);
    expect(item!.URL).toBe(meta.url);
    expect((item!.issued as { 'date-parts': number[][] })['date-parts'][0]).toEqual([2025, 3, 4]);
  });

  it('CSL-JSON parses back with citation-js unchanged', () => {
    const data = JSON.parse(cslJson([meta]));
    const [item] = new Cite(data).data as Array<Record<string, unknown>>;
    expect(item).toMatchObject({ ...toCsl(meta) });
    expect(item!['container-title']).toBe('Harbour Review');
  });

  it('formats APA and Chicago references, and quotes with their citation', () => {
    expect(formatReferences([meta], 'apa').trim()).toBe(
      'Calder, I., & Reyes, T. (2025, March 4). Tidal Power Comes of Age. Harbour Review. https://harbour.example/tidal',
    );
    expect(formatReferences([meta], 'chicago').trim()).toBe(
      'Calder, Ines, and Tom Reyes. 2025. “Tidal Power Comes of Age.” Harbour Review, March 4. https://harbour.example/tidal.',
    );
    expect(quoteWithCitation(' ran all winter ', meta)).toBe(
      '“ran all winter” — Ines Calder, Tom Reyes, Tidal Power Comes of Age (Harbour Review, March 4, 2025), https://harbour.example/tidal',
    );
    expect(quoteWithCitation('x', { ...meta, byline: null, site: null, published: null, url: null })).toBe(
      '“x” — Tidal Power Comes of Age',
    );
  });
});

describe('Markdown', () => {
  const md = clipMarkdown(document);

  it('writes the clip’s tags as Obsidian tags and its collections as a list', () => {
    const tagged = clipMarkdown({
      ...document,
      meta: { ...meta, tags: ['climate', 'Ocean energy', '#grid'], collections: ['Thesis ch. 2'] },
    });
    expect(parseYaml(/^---\n([\s\S]*?)\n---\n/.exec(tagged)![1]!)).toMatchObject({
      tags: ['climate', 'Ocean-energy', 'grid'],
      collections: ['Thesis ch. 2'],
    });
  });

  it('starts with YAML front matter that parses back', () => {
    const yaml = /^---\n([\s\S]*?)\n---\n/.exec(md)![1]!;
    expect(parseYaml(yaml)).toEqual({
      title: meta.title,
      authors: ['Ines Calder', 'Tom Reyes'],
      url: meta.url,
      site: 'Harbour Review',
      published: meta.published,
      clipped: meta.clippedAt,
      tags: [],
      'gloss-id': meta.id,
    });
  });

  it('converts the article with turndown, tables included', () => {
    expect(md).toContain('## The winter test');
    expect(md).toContain('The turbines ran through the *winter storms*.');
    expect(md).toMatch(/\| Year \| GWh \|\n\| --- \| --- \|\n\| 2024 \| 41 +\|/);
  });

  it('lists highlights in reading order as quotes with block ids and notes, orphans marked', () => {
    const section = md.split('## Highlights\n\n')[1]!;
    expect(section).toBe(
      '> The turbines ran\n\n^gloss-a1\n\nKey claim\nsecond line\n\n> winter storms\n\n^gloss-b2\n\n' +
        "> a quote that lost its place\n\n^gloss-c-3\n\n*This highlight couldn't be placed in the article text.*\n",
    );
  });
});

describe('W3C annotations', () => {
  it('exports a collection of annotations with selectors and note bodies', () => {
    const file = exportClipFile(document, 'w3c');
    expect(file).toMatchObject({ filename: 'Tidal Power Comes of Age.jsonld', mimeType: 'application/ld+json' });
    const collection = JSON.parse(file.content);
    expect(collection).toMatchObject({
      '@context': ANNOTATION_CONTEXT,
      type: 'AnnotationCollection',
      label: meta.title,
      total: 3,
    });
    const [first, second] = collection.first.items;
    expect(collection.first.type).toBe('AnnotationPage');
    expect(first).toMatchObject({ type: 'Annotation', motivation: 'highlighting', target: { source: meta.url } });
    expect(first.body).toBeUndefined();
    expect(first.target.selector.map((s: { type: string }) => s.type)).toEqual([
      'TextQuoteSelector',
      'TextPositionSelector',
    ]);
    expect(second).toMatchObject({
      motivation: 'commenting',
      body: { type: 'TextualBody', value: 'Key claim\nsecond line', format: 'text/plain' },
    });
    expect(second.anchor).toBeUndefined();
  });
});

describe('file names', () => {
  it('are safe and unique', () => {
    expect(safeFileStem('../../etc/passwd', 'id')).toBe('etc passwd');
    expect(safeFileStem('What? A: "test" <b>|*', 'id')).toBe('What A test b');
    expect(safeFileStem('...', 'clip-id')).toBe('clip-id');
    expect(safeFileStem('CON', 'id')).toBe('CON (clip)');
    expect(safeFileStem('x'.repeat(300), 'id')).toHaveLength(100);
    const namer = new FileNamer();
    expect([namer.name('Notes', 'a', 'md'), namer.name('notes', 'b', 'md'), namer.name('Notes', 'c', 'md')]).toEqual([
      'Notes.md',
      'notes (2).md',
      'Notes (3).md',
    ]);
  });
});
