import { describe, expect, it } from 'vitest';
import {
  chromeForText,
  joinPages,
  layoutPage,
  pageAt,
  repeatedPageChrome,
  type PdfTextItem,
} from '../common/pdfLayout';

/** A text item at (x, y) in 10-unit type, 5 units a character wide. */
const item = (str: string, x: number, y: number, hasEOL = false): PdfTextItem => ({
  str,
  transform: [10, 0, 0, 10, x, y],
  width: str.length * 5,
  height: 10,
  hasEOL,
});

describe('layoutPage', () => {
  it('joins a word broken by a hyphen at a line end, and maps every item to its own characters', () => {
    const items = [item('The measure-', 72, 700, true), item('ment was taken', 72, 688)];
    const page = layoutPage(items);
    expect(page.text).toBe('The measurement was taken');
    expect(page.items).toEqual([
      { start: 0, length: 11 },
      { start: 11, length: 14 },
    ]);
    for (const [i, place] of page.items.entries())
      expect(page.text.slice(place.start, place.start + place.length)).toBe(items[i]!.str.slice(0, place.length));
  });

  it('keeps a hyphen before a capital (a compound name), and joins lines of a paragraph with a space', () => {
    expect(layoutPage([item('Anglo-', 72, 700, true), item('Saxon law', 72, 688)]).text).toBe('Anglo- Saxon law');
    expect(layoutPage([item('one line', 72, 700, true), item('next line', 72, 688)]).text).toBe('one line next line');
  });

  it('starts a paragraph at a wide gap, a jump back up (a new column) or a change of type size', () => {
    const items = [
      item('First paragraph line one', 72, 700, true),
      item('line two.', 72, 688, true),
      item('Second paragraph after a gap.', 72, 660, true),
      item('Next column top.', 320, 700, true),
    ];
    expect(layoutPage(items).paragraphs).toEqual([
      'First paragraph line one line two.',
      'Second paragraph after a gap.',
      'Next column top.',
    ]);
  });

  it('puts a space between items of a line only where there is a gap, and cleans control characters', () => {
    const page = layoutPage([item('Tab\there', 72, 700), item('joined', 72 + 8 * 5, 700), item('apart', 200, 700)]);
    expect(page.text).toBe('Tab herejoined apart');
  });
});

describe('headers and footers', () => {
  const pageItems = (n: number): PdfTextItem[] => [
    item('Journal of Examples · Volume 12', 72, 750, true),
    item(`Body of the ${['first', 'second', 'third', 'fourth'][n - 1]} page.`, 72, 700, true),
    item(`${n}`, 300, 40),
  ];

  it('drops a line repeated at the top or bottom of most pages (numbers counted alike), and the renderer finds the same cut', () => {
    const pages = [1, 2, 3, 4].map(pageItems);
    const chrome = repeatedPageChrome(pages.map((p) => layoutPage(p).lines));
    expect(chrome).toEqual(pages.map(() => ({ top: 1, bottom: 1 })));
    const laid = pages.map((p, i) => layoutPage(p, chrome[i]));
    expect(laid[2]!.text).toBe('Body of the third page.');
    expect(laid[2]!.items[0]).toEqual({ start: -1, length: 0 });
    const again = chromeForText(pages[2]!, laid[2]!.text);
    expect(again?.items).toEqual(laid[2]!.items);
  });

  it('keeps every line of a document under three pages', () => {
    const pages = [1, 2].map(pageItems);
    expect(repeatedPageChrome(pages.map((p) => layoutPage(p).lines))).toEqual([
      { top: 0, bottom: 0 },
      { top: 0, bottom: 0 },
    ]);
  });
});

describe('joinPages and pageAt', () => {
  it('records where each page starts and finds the page of an offset', () => {
    const { text, pageStarts } = joinPages(['abc', '', 'de']);
    expect(text).toBe('abc\n\n\n\nde');
    expect(pageStarts).toEqual([0, 5, 7]);
    expect([0, 4, 5, 6, 7, 9].map((at) => pageAt(pageStarts, at))).toEqual([0, 0, 1, 1, 2, 2]);
  });
});
