import { describe, expect, it } from 'vitest';
import { parseHtmlDocument } from '../article/dom';
import { clipHtml } from './index';
import { estimatedNesting, MAX_DEPTH, nestingDepth } from './depth';

const ARTICLE = `<article><h1>Quiet rivers</h1>${'<p>The river ran quietly past the mill, and the miller counted the sacks of flour every evening.</p>'.repeat(6)}</article>`;
const nested = (depth: number) =>
  `<html><body>${'<div>'.repeat(depth)}${ARTICLE}${'</div>'.repeat(depth)}</body></html>`;

describe('nesting depth guard', () => {
  it('measures depth without recursion', () => {
    expect(nestingDepth(parseHtmlDocument('<p>x</p>').documentElement)).toBe(3);
    expect(nestingDepth(parseHtmlDocument(nested(800)).documentElement)).toBeGreaterThan(800);
  });

  it('estimates depth from raw markup in one pass, ignoring scripts, styles and comments', () => {
    expect(estimatedNesting(nested(100_000))).toBe(100_001);
    expect(estimatedNesting('<div><p>a</div></div></div><div><section>b</section></div>')).toBe(2);
    expect(estimatedNesting(`<script>${'"<div>"'.repeat(5000)}</script><!-- ${'<div>'.repeat(5000)} --><p>x</p>`)).toBe(
      0,
    );
  });

  it('refuses 100 000 nested divs before parsing them', async () => {
    await expect(clipHtml(nested(100_000))).rejects.toMatchObject({
      code: 'extraction-failed',
      message: expect.stringMatching(/levels deep/),
    });
  });

  it('clips a page nested as deep as real pages get', async () => {
    expect((await clipHtml(nested(60))).title).toBe('Quiet rivers');
  });

  it('refuses a page nested deeper than the limit with a clear message', async () => {
    await expect(clipHtml(nested(MAX_DEPTH + 10), { url: 'https://deep.example/x' })).rejects.toMatchObject({
      code: 'extraction-failed',
      message: expect.stringContaining('deep.example nests its content more than 256 levels deep'),
    });
  });
});
