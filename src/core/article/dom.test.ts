/**
 * The element walks the extractor uses instead of selector queries (article/dom.ts): they must find what the
 * selectors they replace found, in document order, also under an element that is not in a document (a copy).
 */
import { describe, expect, it } from 'vitest';
import {
  closestTag,
  descendants,
  elementsByTag,
  elementsByTags,
  firstByTags,
  hasDescendant,
  parseBodyDocument,
} from './dom';

const MARKUP =
  '<section id="s"><ul><li id="l1">one</li></ul><h2 id="h">title</h2><div><p id="p1">first <em id="e">x</em></p></div><ol><li id="l2">two</li></ol><p id="p2">second</p></section>';
const ids = (els: Element[]) => els.map((el) => el.id || el.tagName);

describe('element walks without selector queries', () => {
  const doc = parseBodyDocument(MARKUP);
  const section = doc.getElementsByTagName('section')[0]!;
  const copy = section.cloneNode(true) as Element;

  it('lists descendants in document order, in a document and in a detached copy alike', () => {
    const expected = ['UL', 'l1', 'h', 'DIV', 'p1', 'e', 'OL', 'l2', 'p2'];
    expect(ids(descendants(section))).toEqual(expected);
    expect(ids(descendants(copy))).toEqual(expected);
  });

  it('finds elements by one tag or several, first match and ancestors', () => {
    expect(ids(elementsByTag(copy, 'p'))).toEqual(['p1', 'p2']);
    expect(ids(elementsByTags(copy, new Set(['P', 'LI'])))).toEqual(['l1', 'p1', 'l2', 'p2']);
    expect(firstByTags(copy, new Set(['P', 'H2']))?.id).toBe('h');
    expect(firstByTags(copy, new Set(['TABLE']))).toBeNull();
    const em = elementsByTag(copy, 'em')[0]!;
    expect(closestTag(em, new Set(['P', 'SECTION']))?.id).toBe('p1');
    expect(closestTag(em, new Set(['ARTICLE']))).toBeNull();
    expect(hasDescendant(copy, ['TABLE', 'OL'])).toBe(true);
    expect(hasDescendant(elementsByTag(copy, 'div')[0]!, ['LI'])).toBe(false);
  });
});
