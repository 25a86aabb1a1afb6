/**
 * The other side of furniture removal (issue #15): article text that looks like furniture to a rule and must
 * stay, each class reproduced on a page written for it (seen on real pages: a menu's section headings, names
 * linked to tag pages, quoted tweets, prose after a "Don't miss" box, a meal plan that repeats its lines).
 */
import { describe, expect, it } from 'vitest';
import { extractFromHtml } from './extractHtml';

const PROSE = [
  'The harbour authority confirmed on Monday that the new tidal gates will be installed before the winter storms arrive, ending two years of delays.',
  'Engineers tested the gates in a scale model for eighteen months, adjusting the hinges until they closed smoothly against the strongest surge on record.',
  'Fishermen who use the inner basin say the construction noise has already driven the mackerel shoals further out, and they want compensation for lost catches.',
  'The council expects the project to cost about forty million pounds, most of it paid by a national flood-defence fund set up after the floods of 2014.',
  'Residents will be able to walk along the top of the gates once the work is finished, and a small exhibition about the harbour history is planned beside them.',
];
const P = PROSE.map((p) => `<p>${p}</p>`);

function clip(body: string): string {
  const html = `<!doctype html><html lang="en"><head><title>Tidal gates at last</title></head><body><article><h1>Tidal gates at last</h1>${body}</article></body></html>`;
  return extractFromHtml(html, { url: 'https://news.example/harbour/tidal-gates' }).text;
}

describe('extraction keeps article text that looks like furniture', () => {
  it('keeps a heading over its own subheadings', () => {
    const text = clip(
      `${P[0]}${P[1]}<h2><strong>Plan for the first winter</strong></h2><h3>Before the storms</h3>${P[2]}<h3>After the storms</h3>${P[3]}${P[4]}`,
    );
    expect(text).toContain('Plan for the first winter');
    expect(text).toContain('Before the storms');
  });

  it('keeps names in a sentence that link to tag pages', () => {
    const text = clip(
      `<p>The <a href="/t/harbour-board" id="auto-tag_harbour-board" class="auto-tag">Harbour Board</a> will meet the <a href="/t/fishermen" class="c-link-tag">fishermen's union</a> next week to discuss compensation for the lost season.</p>${P.join('')}`,
    );
    expect(text).toContain("The Harbour Board will meet the fishermen's union next week");
  });

  it('keeps an embedded post the article quotes, whatever its wrapper is called', () => {
    const text = clip(
      `${P[0]}${P[1]}<div class="social-media-embed"><blockquote class="twitter-tweet"><p lang="en">The gates are finally going in and the whole town came out to watch the first one lowered</p>— Harbour Watch (@harbourwatch) <a href="https://twitter.com/harbourwatch/status/1">November 18, 2019</a></blockquote><script async src="https://platform.twitter.com/widgets.js"></script></div>${P[2]}${P[3]}${P[4]}`,
    );
    expect(text).toContain('the whole town came out to watch the first one lowered');
  });

  it('keeps the prose that goes on after a "Don\'t miss" box in the text', () => {
    const text = clip(
      `${P[0]}${P[1]}${P[2]}${P[3]}<p><strong>DON'T MISS</strong></p><p><a href="/a">Ferry timetable changes for spring</a> [<strong>INSIGHT]</strong><br><a href="/b">Lifeboat crew rescues kayakers</a> [<strong>VIDEO]</strong></p>${P[4]}`,
    );
    expect(text).not.toContain('Ferry timetable');
    expect(text).toContain(PROSE[4]);
  });

  it('keeps lines the author repeats in one list of sections (a meal plan per day)', () => {
    const day = (n: number) =>
      `<h3>Day ${n}</h3><p>Porridge with oats, one cup of blueberries and a spoon of honey before the morning shift</p><p>Portion containers: one green, one red, one yellow and one teaspoon</p>`;
    const text = clip(`${P[0]}${P[1]}${day(1)}${day(2)}${day(3)}${P[2]}${P[3]}${P[4]}`);
    expect(text.split('Porridge with oats').length - 1).toBe(3);
    expect(text.split('Portion containers').length - 1).toBe(3);
  });
});
