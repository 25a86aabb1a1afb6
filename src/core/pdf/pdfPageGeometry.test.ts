import { describe, expect, it } from 'vitest';
import { PAGE_GAP, pageAtY, pageInView, pageTops } from '../common/pdfPageGeometry';

describe('PDF page geometry', () => {
  // Three pages 800 high (at scale 1), each followed by the gap.
  const tops = pageTops(
    [800, 800, 800].map((height) => ({ width: 600, height })),
    1,
  );

  it('places the pages one under the other with the gap between them', () => {
    expect(tops).toEqual([0, 800 + PAGE_GAP, 2 * (800 + PAGE_GAP), 3 * (800 + PAGE_GAP)]);
    expect(pageAtY(tops, 0)).toBe(0);
    expect(pageAtY(tops, 816)).toBe(1);
    expect(pageAtY(tops, 99_999)).toBe(2);
  });

  it('names the page that fills most of the view, not the one whose foot is still at its top', () => {
    // The view shows the last 200 px of page one and 500 px of page two.
    expect(pageInView(tops, 600, 1316)).toBe(1);
    // Mostly page one, page two's top showing at the bottom.
    expect(pageInView(tops, 300, 1016)).toBe(0);
    // A view inside one page, and one past the end.
    expect(pageInView(tops, 900, 1200)).toBe(1);
    expect(pageInView(tops, 5000, 5800)).toBe(2);
  });

  it('names the earlier page when two fill the view alike (small zoom: whole pages in view)', () => {
    const small = pageTops(
      [100, 100, 100, 100].map((height) => ({ width: 80, height })),
      1,
    );
    expect(pageInView(small, 0, 400)).toBe(0);
    expect(pageInView(small, 116, 500)).toBe(1);
  });
});
