/**
 * The marked article's opening, which Readability's choice must keep (candidates.ts): its first paragraph, not a
 * list of other headlines left above the article inside its `<article>` (seen on news sites' marked articles).
 */
import { describe, expect, it } from 'vitest';
import { parseBodyDocument } from '../article/dom';
import { opening } from './candidates';

const copyOf = (html: string) => parseBodyDocument(html).body.firstElementChild!.cloneNode(true) as Element;

describe('opening of a marked article', () => {
  it('is the first paragraph, not a headline list above it', () => {
    const article = copyOf(
      '<article><ul><li><a href="/a">Man charged after a robbery on the high street, police say</a></li></ul>' +
        '<p>SANTA FE, N.M. — A cat missing for five years in Portland has been found in Santa Fe.</p></article>',
    );
    expect(opening(article)).toBe('santa fe, n.m. — a cat missing for five years in portland ha');
  });

  it('falls back to a list item when the article has no paragraph of 40+ characters', () => {
    const article = copyOf(
      '<article><p>Short.</p><ol><li>Preheat the oven to 200 degrees and butter the dish.</li></ol></article>',
    );
    expect(opening(article)).toBe('preheat the oven to 200 degrees and butter the dish.');
  });
});
