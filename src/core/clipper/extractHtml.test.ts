import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { articleText } from '../article/text';
import { GlossError } from '../errors';
import { extractFromHtml } from './extractHtml';
import { sanitizeArticleHtml } from './sanitize';

const PAGE = readFileSync(new URL('../../../test/fixtures/clipper/article-page.html', import.meta.url), 'utf8');
const PARAGRAPH =
  'This paragraph is long enough to look like the body of a real article, with several clauses, a few commas, and enough words that Readability will score it as content rather than chrome.';

function page(head: string, body: string, lang = ''): string {
  return `<!doctype html><html${lang ? ` lang="${lang}"` : ''}><head>${head}</head><body>${body}</body></html>`;
}

describe('extractFromHtml', () => {
  const draft = extractFromHtml(PAGE, { url: 'https://www.coastal.example/energy/tidal-power-moment?utm_source=x' });

  it('prefers JSON-LD over OpenGraph over meta tags', () => {
    expect(draft.title).toBe('Tidal Power Finally Gets Its Moment');
    expect(draft.byline).toBe('Amelia Hart, Tom Reyes');
    expect(draft.published).toBe('2025-03-14T08:30:00.000Z');
    expect(draft.excerpt).toBe(
      'Tidal turbines off the Scottish coast have run for five years without a major failure.',
    );
    expect(draft.site).toBe('The Coastal Review');
    expect(draft.url).toBe('https://www.coastal.example/energy/tidal-power-moment');
    expect(draft.lang).toBe('en-GB');
    expect(draft.origin).toBe('html');
  });

  it('keeps the article and drops the page around it', () => {
    expect(draft.text).toContain('For decades tidal energy was the renewable');
    expect(draft.text).toContain('the data set is small.');
    expect(draft.html).toContain('<h2>Why the tides are different</h2>');
    for (const cruft of [
      'Subscribe',
      'Advertisement',
      'Comments',
      'Great read',
      'Related stories',
      'Offshore wind sets',
      'All rights reserved',
      'Share on Twitter',
      'By Amelia Hart',
      'hacked',
    ]) {
      expect(draft.text).not.toContain(cruft);
    }
    expect(draft.html).not.toMatch(/<h[12]>Tidal Power Finally/);
  });

  it('returns sanitised HTML with absolute links and resolved lazy images', () => {
    expect(draft.html).toContain('<a href="https://www.coastal.example/places/pentland-firth">Pentland Firth</a>');
    expect(draft.html).toContain('src="https://www.coastal.example/images/turbine.jpg"');
    expect(draft.html).toContain(
      '<figcaption>A turbine is lowered into the Pentland Firth. Photo: Coastal Review</figcaption>',
    );
    expect(draft.html).not.toMatch(/javascript:|<script|<iframe|class=|ads\.example/);
    expect(sanitizeArticleHtml(draft.html)).toBe(draft.html);
    expect(draft.text).toBe(articleText(draft.html));
  });

  it('uses a given title and origin', () => {
    const own = extractFromHtml(PAGE, { url: 'https://coastal.example/x', title: 'My Own Title', origin: 'file' });
    expect(own.title).toBe('My Own Title');
    expect(own.origin).toBe('file');
  });

  it('reads citation and Dublin Core tags, and falls back to the hostname for the site', () => {
    const html = page(
      '<title>Paper</title><meta name="citation_title" content="On Provenance"><meta name="citation_author" content="Rossi, Maria"><meta name="citation_author" content="Tanaka, Kenji"><meta name="citation_publication_date" content="2023/05/12"><meta name="DC.language" content="it">',
      `<article><h1>On Provenance</h1><p>${PARAGRAPH}</p><p>${PARAGRAPH}</p></article>`,
    );
    const d = extractFromHtml(html, { url: 'https://www.journal.example/a/1' });
    expect(d.title).toBe('On Provenance');
    expect(d.byline).toBe('Rossi, Maria, Tanaka, Kenji');
    expect(d.published).toMatch(/^2023-05-1[12]/);
    expect(d.site).toBe('journal.example');
    expect(d.url).toBe('https://www.journal.example/a/1');
    expect(d.lang).toBe('it');
  });

  it('honours the page’s <base href> for relative links, like a browser', () => {
    const html = page(
      '<base href="https://cdn.example/docs/">',
      `<article><p>${PARAGRAPH} <a href="guide.html">Guide</a></p><p>${PARAGRAPH}</p></article>`,
    );
    const d = extractFromHtml(html, { url: 'https://site.example/page' });
    expect(d.html).toContain('href="https://cdn.example/docs/guide.html"');
  });

  it('falls back to the sanitised body when Readability finds nothing, without nav or footer', () => {
    const html = page(
      '<title>Short note</title>',
      '<nav><a href="/">Home</a> <a href="/about">About</a></nav><p>Meeting moved to Friday at noon.</p><footer>© Example</footer>',
    );
    const d = extractFromHtml(html, { url: 'https://notes.example/n/1' });
    expect(d.text.trim()).toBe('Meeting moved to Friday at noon.');
    expect(d.title).toBe('Short note');
    expect(d.lang).toBeNull();
  });

  it('guesses the language from the text when the page does not say', () => {
    const text =
      'Банк России на очередном заседании совета директоров принял решение сохранить ключевую ставку на прежнем уровне, объяснив это высоким инфляционным давлением в экономике страны.';
    const d = extractFromHtml(page('<title>Ставка</title>', `<article><p>${text}</p><p>${text}</p></article>`));
    expect(d.lang).toBe('ru');
    expect(d.url).toBeNull();
    expect(d.site).toBeNull();
  });

  it('fails with extraction-failed when there is no text at all', () => {
    for (const html of [
      '',
      page('<title>Empty</title>', '<nav>Menu</nav><script>x()</script><img src="https://x.example/a.png">'),
    ]) {
      try {
        extractFromHtml(html, { url: 'https://empty.example/' });
        throw new Error('expected a failure');
      } catch (e) {
        expect(e).toBeInstanceOf(GlossError);
        expect((e as GlossError).code).toBe('extraction-failed');
        expect((e as GlossError).message).toContain('empty.example');
      }
    }
  });

  it('skips broken JSON-LD and ignores profile URLs as authors', () => {
    const html = page(
      '<script type="application/ld+json">{ broken, </script><meta property="article:author" content="https://facebook.com/someone"><meta name="author" content="Real Person"><meta property="og:title" content="OG Title">',
      `<article><p>${PARAGRAPH}</p><p>${PARAGRAPH}</p></article>`,
    );
    const d = extractFromHtml(html, { url: 'https://x.example/' });
    expect(d.title).toBe('OG Title');
    expect(d.byline).toBe('Real Person');
  });
});
