import { describe, expect, it } from 'vitest';
import { anchorSelectors } from './anchor';
import { describeRange } from './describe';
import { stringSimilarity } from './similarity';

const article =
  'The committee met on Monday to review the budget. Negotiations resumed on Tuesday after a long pause, ' +
  'and both sides said the mood had improved. By Thursday a draft agreement was circulating among members.';

function selectorsFor(text: string, phrase: string, occurrence = 0) {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) at = text.indexOf(phrase, at + 1);
  return describeRange(text, at, at + phrase.length);
}

const placed = (text: string, anchor: { start: number; end: number } | null) =>
  anchor && text.slice(anchor.start, anchor.end);

describe('anchorSelectors', () => {
  it('places an unchanged text by position', () => {
    const selectors = selectorsFor(article, 'Negotiations resumed on Tuesday');
    expect(anchorSelectors(article, selectors)).toEqual({
      start: selectors[1].start,
      end: selectors[1].end,
      method: 'position',
    });
  });

  it('follows the quote when text is inserted before it', () => {
    const selectors = selectorsFor(article, 'a draft agreement');
    const changed = 'Editor’s note: this story was updated. ' + article;
    const anchor = anchorSelectors(changed, selectors);
    expect(anchor?.method).toBe('quote');
    expect(anchor!.start).toBe(selectors[1].start + 39);
    expect(placed(changed, anchor)).toBe('a draft agreement');
  });

  it('tells duplicate quotes apart by their context', () => {
    const text = 'Alpha team said yes to the plan. Beta team said yes to the budget. Gamma team said no.';
    const second = selectorsFor(text, 'said yes', 1);
    const changed = 'Preface added here. ' + text;
    const anchor = anchorSelectors(changed, second);
    expect(anchor?.method).toBe('quote');
    expect(changed.slice(anchor!.start - 10, anchor!.end + 14)).toBe('Beta team said yes to the budget');
  });

  it('prefers context over the stored offsets when paragraphs were swapped', () => {
    const north = 'First, the north office said yes to the new hiring plan for the spring. ';
    const south = 'Later, the south office said yes to the revised budget for the autumn. ';
    const selectors = selectorsFor(north + south, 'said yes', 0);
    // The other "said yes" now sits exactly at the stored offsets, in the wrong context.
    const changed = south + north;
    expect(changed.slice(selectors[1].start, selectors[1].end)).toBe('said yes');
    const anchor = anchorSelectors(changed, selectors);
    expect(anchor?.method).toBe('quote');
    expect(changed.slice(anchor!.start, anchor!.end + 18)).toBe('said yes to the new hiring');
  });

  it('keeps a long quote at its stored offsets when the words around it changed', () => {
    const selectors = selectorsFor(article, 'Negotiations resumed');
    const changed = article.replace('the budget. ', 'the budget! ').replace(' on Tuesday after', ' on Wednesday after');
    // Same length edit before, so the offsets still hold the quote; context only half agrees.
    expect(anchorSelectors(changed, selectors)).toMatchObject({ start: selectors[1].start, method: 'position' });
  });

  it('places a quote whose words gained a typo fix', () => {
    const original = article.replace('circulating', 'circulatting');
    const selectors = selectorsFor(original, 'a draft agreement was circulatting among members');
    const anchor = anchorSelectors(article, selectors);
    expect(anchor?.method).toBe('fuzzy');
    expect(placed(article, anchor)).toBe('a draft agreement was circulating among members');
  });

  it('places a quote whose whitespace changed', () => {
    const selectors = selectorsFor(article, 'after a long pause, and both');
    const changed = article.replace('after a long pause, and both', 'after a long\npause,\n\nand both');
    const anchor = anchorSelectors(changed, selectors);
    expect(placed(changed, anchor)).toBe('after a long\npause,\n\nand both');
  });

  it('orphans a highlight whose quote was deleted', () => {
    const selectors = selectorsFor(article, 'and both sides said the mood had improved');
    const changed = article.replace(', and both sides said the mood had improved', '');
    expect(anchorSelectors(changed, selectors)).toBeNull();
  });

  it('orphans a highlight when the article was rewritten', () => {
    const selectors = selectorsFor(article, 'Negotiations resumed on Tuesday');
    const rewritten =
      'A recipe for bread: mix flour, water, salt and yeast, then let it rise overnight before baking it hot.';
    expect(anchorSelectors(rewritten, selectors)).toBeNull();
    // A short, common word that still occurs somewhere must not be grabbed either.
    const word = selectorsFor(article, 'the', 1);
    expect(anchorSelectors(rewritten.replace('then', 'the'), word)).toBeNull();
  });

  it('orphans an ambiguous quote whose context is gone', () => {
    const selectors = selectorsFor(article, 'the', 1);
    const changed = 'Cats like the sun; dogs like the shade; birds like the wind and the rain at dawn.';
    expect(anchorSelectors(changed, selectors)).toBeNull();
  });

  it('does not trust a short quote found at its old offsets in unrelated text', () => {
    const selectors = selectorsFor(article, 'met');
    const changed = 'xxx xxxxxxxxx met xx xxxxxxx xx xxxxxx xxx xxxxxx.';
    expect(anchorSelectors(changed, selectors)).toBeNull();
  });

  it('unrelated English context scores well under the agreement threshold', () => {
    const pairs = [
      ['The committee met on Monday to r', 'A recipe for bread: mix flour, w'],
      ['both sides said the mood had imp', 'then let it rise overnight befor'],
      ['and the weather was fine all day', 'so the team went out to the park'],
    ];
    for (const [a, b] of pairs) expect(stringSimilarity(a!, b!)).toBeLessThan(0.4);
  });
});
