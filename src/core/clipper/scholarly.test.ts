import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../library/testHelpers';
import { createGlossService, type GlossService } from '../service';

const BODY = `<article><h1>Tide Tables and Reading Rooms</h1>${'<p>Readers in harbour towns borrow books by the tides, and the libraries that keep tide tables see it in their loans every season of the year.</p>'.repeat(6)}</article>`;

const CITATION_PAGE = `<html><head><title>Tide Tables and Reading Rooms</title>
<meta name="citation_title" content="Tide Tables and Reading Rooms">
<meta name="citation_author" content="Marlowe, Ada"><meta name="citation_author" content="Okafor, Chiara">
<meta name="citation_journal_title" content="Journal of Coastal Libraries">
<meta name="citation_volume" content="12"><meta name="citation_issue" content="3">
<meta name="citation_firstpage" content="101"><meta name="citation_lastpage" content="117">
<meta name="citation_doi" content="https://doi.org/10.5555/coast.2024.7">
<meta name="citation_publication_date" content="2024/03/15">
</head><body>${BODY}</body></html>`;

const JSON_LD_PAGE = `<html><head><title>Tide Tables and Reading Rooms</title>
<script type="application/ld+json">${JSON.stringify({
  '@context': 'https://schema.org',
  '@type': 'ScholarlyArticle',
  headline: 'Tide Tables and Reading Rooms',
  author: [{ '@type': 'Person', name: 'Ada Marlowe' }],
  datePublished: '2024-03-15',
  pagination: '101-117',
  sameAs: 'https://doi.org/10.5555/coast.2024.7',
  isPartOf: {
    '@type': 'PublicationIssue',
    issueNumber: '3',
    isPartOf: {
      '@type': 'PublicationVolume',
      volumeNumber: '12',
      isPartOf: { '@type': 'Periodical', name: 'Journal of Coastal Libraries' },
    },
  },
})}</script></head><body>${BODY}</body></html>`;

describe('scholarly pages', { timeout: 120_000 }, () => {
  let service: GlossService | undefined;
  afterEach(async () => {
    await service?.close();
    service = undefined;
  });

  it('cite a journal page from its citation_* tags as an article with journal, volume, issue, pages and DOI', async () => {
    service = await createGlossService({ libraryDir: await tempDir() });
    const clip = await service.clipHtml({ html: CITATION_PAGE, url: 'https://journal.example.org/articles/7' });
    expect((await service.getClip(clip.id)).meta.biblio).toEqual({
      type: 'article-journal',
      containerTitle: 'Journal of Coastal Libraries',
      volume: '12',
      issue: '3',
      pages: '101-117',
      doi: '10.5555/coast.2024.7',
      authors: ['Marlowe, Ada', 'Okafor, Chiara'],
    });
    const bibtex = (await service.exportClip({ id: clip.id, format: 'bibtex' })).content;
    expect(bibtex).toMatch(/^@article\{/);
    for (const field of [
      'journal = {Journal of Coastal Libraries}',
      'volume = {12}',
      'number = {3}',
      'pages = {101--117}',
      'doi = {10.5555/coast.2024.7}',
    ])
      expect(bibtex).toContain(field);
  });

  it('read the same details from a JSON-LD ScholarlyArticle, and none from an ordinary page', async () => {
    service = await createGlossService({ libraryDir: await tempDir() });
    const clip = await service.clipHtml({ html: JSON_LD_PAGE, url: 'https://journal.example.org/articles/8' });
    const csl = JSON.parse((await service.exportClip({ id: clip.id, format: 'csl' })).content) as Array<
      Record<string, unknown>
    >;
    expect(csl[0]).toMatchObject({
      type: 'article-journal',
      'container-title': 'Journal of Coastal Libraries',
      volume: '12',
      issue: '3',
      page: '101-117',
      DOI: '10.5555/coast.2024.7',
    });
    const plain = await service.clipHtml({
      html: `<html><head><title>A walk</title></head><body>${BODY}</body></html>`,
      url: 'https://blog.example.org/walk',
      onDuplicate: 'copy',
    });
    expect((await service.getClip(plain.id)).meta.biblio).toBeUndefined();
  });
});
