import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { articleText } from '../article/text';
import { GlossError } from '../errors';
import { clipPastedText } from './pastedText';
import { sanitizeArticleHtml } from './sanitize';

const fixture = (name: string): string =>
  readFileSync(new URL(`../../../test/fixtures/clipper/${name}`, import.meta.url), 'utf8');

describe('clipPastedText: the seed article', () => {
  const draft = clipPastedText(fixture('seed-article.txt'));

  it('finds the title', () => {
    expect(draft.title).toBe(
      'US and Russia in Talks on Truce Agreement That Would Cement Putin’s Territorial Gains in Ukraine',
    );
  });

  it('makes the four section headings h2', () => {
    const headings = [...draft.html.matchAll(/<h2>(.*?)<\/h2>/g)].map((m) => m[1]);
    expect(headings).toEqual([
      'Moscow’s Demands and the Risk for Kyiv',
      'Truce Plans and Diplomatic Dynamics',
      'Kremlin’s Firm Position',
      'Possible Talks and Skepticism',
    ]);
  });

  it('keeps the body from the first paragraph through the attribution lines', () => {
    expect(draft.text.startsWith('Donald Trump and Vladimir Putin in 2016. Photographer:')).toBe(true);
    expect(draft.html).toMatch(/<\/figure>\n<p>According to sources familiar with the negotiations/);
    expect(draft.text).toContain('This article was prepared based on materials published by\u00a0Bloomberg.');
    expect(draft.text).toContain('The original article can be found at the following link:\u00a0Bloomberg.');
    expect(draft.text.trimEnd().endsWith('All rights to the original text belong to\u00a0Bloomberg.')).toBe(true);
  });

  it('drops all the page chrome and the tail', () => {
    for (const cruft of [
      'Today:',
      'Search',
      'Русский',
      '3 mins read',
      "Don't Miss",
      'Deflation',
      'inflation vs deflation',
    ]) {
      expect(draft.text).not.toContain(cruft);
    }
    // The bare alt line is gone; the name only appears as the caption's start and in body text.
    expect(draft.text).not.toMatch(/(^|\n)Donald Trump and Vladimir Putin\n/);
    expect(draft.text).not.toContain(draft.title);
  });

  it('turns the photo credit into a figure caption, not a paragraph', () => {
    expect(draft.html).toContain(
      '<figure><figcaption>Donald Trump and Vladimir Putin in 2016. Photographer: Chris McGrath/Getty Images via Bloomberg</figcaption></figure>',
    );
    expect(draft.html).not.toMatch(/<p>Donald Trump and Vladimir Putin in 2016/);
  });

  it('keeps the quoted speech as a paragraph', () => {
    expect(draft.html).toContain(
      '<p>“I don’t like long waits. They want to meet with me, and I will do whatever I can to stop the killing,” the US president told reporters in the Oval Office.</p>',
    );
  });

  it('fills in metadata and the canonical text', () => {
    expect(draft.lang).toBe('en');
    expect(draft.origin).toBe('text');
    expect(draft.excerpt).toMatch(/^According to sources familiar/);
    expect(draft.text).toBe(articleText(draft.html));
    expect(sanitizeArticleHtml(draft.html)).toBe(draft.html);
  });

  it('gives the same article for Windows line endings', () => {
    const crlf = clipPastedText(fixture('seed-article.txt').replace(/\n/g, '\r\n'));
    expect(crlf.html).toBe(draft.html);
    expect(crlf.title).toBe(draft.title);
  });
});

describe('clipPastedText: edge cases', () => {
  it('rejects empty and whitespace-only input', () => {
    for (const text of ['', '   ', '\r\n\t\n']) {
      expect(() => clipPastedText(text)).toThrow(GlossError);
      try {
        clipPastedText(text);
      } catch (e) {
        expect((e as GlossError).code).toBe('empty-input');
        expect((e as GlossError).message).toBe('Nothing to clip: the text is empty.');
      }
    }
  });

  it('uses the given title and drops its copy from the body', () => {
    const draft = clipPastedText('My Title\n\nSome body text that is long enough to be a sentence here.', {
      title: 'My Title',
      url: 'https://www.example.org/a',
    });
    expect(draft.title).toBe('My Title');
    expect(draft.text).toBe('Some body text that is long enough to be a sentence here.');
    expect(draft.site).toBe('example.org');
    expect(draft.url).toBe('https://www.example.org/a');
  });

  it('falls back to the first words when there is no title line', () => {
    const draft = clipPastedText(
      'Just one paragraph of text that someone pasted without any title at all, which goes on for a while longer than eighty characters.',
    );
    expect(draft.title.length).toBeLessThanOrEqual(81);
    expect(draft.title.endsWith('…')).toBe(true);
    expect(draft.text).toContain('Just one paragraph');
  });

  it('keeps a text that is only a title-like line as the article too, never an empty clip', () => {
    for (const [text, title] of [
      ['A short note about kelp forests\n', undefined],
      ['Kelp forests', 'Kelp forests'],
    ] as const) {
      const draft = clipPastedText(text, { title });
      expect(draft.title).toBe(text.trim());
      expect(draft.text).toBe(text.trim());
    }
  });

  it('reads Markdown-ish input', () => {
    const draft = clipPastedText(
      [
        '# A Markdown Note',
        '',
        'Intro paragraph with a [link](https://example.com/x) and **bold** text.',
        '',
        '## Steps',
        '',
        '- first thing',
        '- second thing',
        '',
        '1. one',
        '2. two',
        '',
        '> quoted wisdom',
        '',
        '```',
        'const x = 1 < 2;',
        '```',
      ].join('\n'),
    );
    expect(draft.title).toBe('A Markdown Note');
    expect(draft.html).toContain('<a href="https://example.com/x">link</a>');
    expect(draft.html).toContain('<strong>bold</strong>');
    expect(draft.html).toContain('<h2>Steps</h2>');
    expect(draft.html).toContain('<ul><li>first thing</li>\n<li>second thing</li></ul>');
    expect(draft.html).toContain('<ol><li>one</li>\n<li>two</li></ol>');
    expect(draft.html).toContain('<blockquote><p>quoted wisdom</p></blockquote>');
    expect(draft.html).toContain('<pre><code>const x = 1 &lt; 2;</code></pre>');
  });

  it('joins hard-wrapped paragraphs', () => {
    const draft = clipPastedText(
      [
        'Notes on Wrapping',
        '',
        'This paragraph was written in a plain-text editor that wraps lines at',
        'seventy-two columns, so every line ends in the middle of a sentence and',
        'the reader should see it as one paragraph again.',
        '',
        'A second paragraph follows here and it is also quite a normal one.',
      ].join('\n'),
    );
    expect(draft.html).toContain(
      '<p>This paragraph was written in a plain-text editor that wraps lines at seventy-two columns, so every line ends in the middle of a sentence and the reader should see it as one paragraph again.</p>',
    );
  });

  it('never lets pasted markup through', () => {
    const draft = clipPastedText(
      'Title Here\n\n<script>alert(1)</script> <img src=x onerror=alert(1)> is what the text says.',
    );
    expect(draft.html).not.toMatch(/<script|<img|<[^>]*\son\w+=/);
    expect(draft.text).toContain('<script>alert(1)</script>');
  });
});
