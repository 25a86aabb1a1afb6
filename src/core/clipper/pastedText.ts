/**
 * Turning text copied from a web page into a clean article: page chrome, the related-stories
 * tail and other cruft go, the title, byline and date are lifted out, credits become captions
 * and short title-like lines become section headings.
 */
import { articleText } from '../article/text';
import { GlossError } from '../errors';
import type { ClipDraft } from '../model';
import { detectLanguage, dominantScript, type Script } from './lang';
import { webUrl } from './metadata';
import {
  dateLineValue,
  endsLikeSentence,
  isChromeLine,
  isLanguageSwitcherLine,
  isReadingTimeLine,
  isNameList,
  isPhotoCreditLine,
  isTailStart,
  isTodayLine,
  readMetaLine,
  wordCount,
  type LineMeta,
} from './lineRules';
import { sanitizeArticleHtml } from './sanitize';
import { splitUnits, type TextUnit } from './textBlocks';
import { storedUnitsHtml, unitsToHtml } from './textHtml';

type Found = LineMeta;

/** Body text: a sentence, or a run of words too long for a title. */
function isProse(unit: TextUnit): boolean {
  if (unit.kind !== 'line') return false;
  const words = wordCount(unit.text);
  return words > 30 || (words >= 6 && endsLikeSentence(unit.text));
}

/** Index of the first body paragraph; everything before it is the page's header area. */
function bodyStart(units: TextUnit[]): number {
  const i = units.findIndex(isProse);
  return i === -1 ? units.length : i;
}

/** Cuts the page's tail (related stories, comments…), but only once some body has been seen. */
function cutTail(units: TextUnit[]): TextUnit[] {
  const start = bodyStart(units);
  const tail = units.findIndex((u, i) => i > start && u.kind !== 'item' && isTailStart(u.text));
  return tail === -1 ? units : units.slice(0, tail);
}

/** Drops page chrome, lifts metadata, turns credits into captions and drops bare alt lines. */
function removeCruft(units: TextUnit[], script: Script | null, found: Found): TextUnit[] {
  const start = bodyStart(units);
  const kept: TextUnit[] = [];
  units.forEach((unit, i) => {
    const text = unit.text;
    const inHeader = i < start;
    if (unit.kind === 'code') return void kept.push(unit);
    if (isTodayLine(text) || isReadingTimeLine(text) || isChromeLine(text)) return;
    if (inHeader && isLanguageSwitcherLine(text, script)) return;
    if (unit.kind === 'line' && !isProse(unit)) {
      if (inHeader) {
        const meta = readMetaLine(text);
        if (meta) {
          found.byline ??= meta.byline;
          found.published ??= meta.published;
          return;
        }
      }
      const date = dateLineValue(text);
      if (date) {
        found.published ??= date;
        return;
      }
      // An image's alt text copied just before its fuller caption.
      const next = units[i + 1];
      if (next && next.text.length > text.length && next.text.startsWith(text) && wordCount(text) <= 15) return;
      if (isPhotoCreditLine(text)) return void kept.push({ kind: 'caption', text });
    }
    kept.push(unit);
  });
  return kept;
}

/** Could this line be a title or a heading? Short, no sentence punctuation, not a label. */
function isTitleLike(unit: TextUnit, maxWords: number): boolean {
  if (unit.kind === 'heading') return true;
  if (unit.kind !== 'line') return false;
  const text = unit.text;
  const words = wordCount(text);
  if (words < 1 || words > maxWords || text.length > 200) return false;
  if (endsLikeSentence(text) && !/\?["”’»]?$/u.test(text)) return false;
  if (/^[\p{L}]+:\s/u.test(text) || (text.match(/,/g) ?? []).length > 1) return false;
  // Headings start like a name: a capital, a digit, or a letter from a caseless script.
  return /^[\p{Lu}\p{Nd}\p{Lo}]/u.test(text);
}

function sameText(a: string, b: string): boolean {
  const norm = (s: string): string => s.replace(/\s+/g, ' ').trim().toLowerCase();
  return norm(a) === norm(b);
}

/**
 * Takes the title: the caller's, else the fullest title-like line before the body (site names
 * and menu entries above a headline are shorter than it). Short lines above the title are the
 * masthead and menu, and go; a list of names right below it is the byline.
 */
function takeTitle(
  units: TextUnit[],
  given: string | null | undefined,
  found: Found,
): { title: string; units: TextUnit[] } {
  const header = units.slice(0, bodyStart(units));
  let at = -1;
  if (given?.trim()) {
    at = header.findIndex((u) => sameText(u.text, given));
  } else {
    let best = 0;
    header.forEach((u, i) => {
      const words = wordCount(u.text);
      if (u.kind !== 'caption' && words >= 2 && isTitleLike(u, 30) && !isNameList(u.text) && words >= best)
        [at, best] = [i, words];
    });
    // A page that opens with its question or headline as a sentence ("How do you…?") has no header.
    if (at === -1 && units[0] && wordCount(units[0].text) <= 20 && isTitleLike(units[0], 20)) at = 0;
  }
  const title =
    given?.trim() || (at === -1 ? shorten(units.find((u) => u.kind !== 'caption')?.text ?? '', 80) : units[at]!.text);
  if (at === -1) return { title, units };
  const after = units[at + 1];
  let rest = units.slice(at + 1);
  if (after && after.kind === 'line' && isNameList(after.text)) {
    found.byline ??= after.text;
    rest = rest.slice(1);
  }
  const above = units.slice(0, at).filter((u) => u.kind !== 'line' || wordCount(u.text) > 6);
  return { title, units: [...above, ...rest] };
}

/** Short title-like lines followed by body text become section headings. */
function markHeadings(units: TextUnit[]): TextUnit[] {
  return units.map((unit, i) => {
    const next = units[i + 1];
    const followedByBody = !!next && (isProse(next) || next.kind === 'item' || next.kind === 'quote');
    if (unit.kind === 'line' && followedByBody && isTitleLike(unit, 14)) {
      return { kind: 'heading', text: unit.text, level: 2 };
    }
    return unit;
  });
}

function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  return cut.slice(0, Math.max(cut.lastIndexOf(' '), max / 2)).replace(/[\s,;:.]+$/u, '') + '…';
}

function hostOf(url: string | null | undefined): string | null {
  try {
    return url ? new URL(url).hostname.replace(/^www\./, '') || null : null;
  } catch {
    return null;
  }
}

/**
 * Turns text copied from a web page (or typed, or Markdown-ish) into a clean article draft.
 *
 * @param text the pasted text (any line endings)
 * @param opts.title use this title instead of guessing one
 * @param opts.url  where the text came from, for the site name and absolute links (kept only when it is an
 *   http(s) address: an import's `javascript:` or `file:` address is dropped)
 * @throws GlossError `empty-input` when the text is empty or only whitespace
 */
export function clipPastedText(text: string, opts: { title?: string | null; url?: string | null } = {}): ClipDraft {
  const url = opts.url && webUrl(opts.url) ? opts.url : null;
  const normal = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  if (normal.trim() === '') throw new GlossError('empty-input', 'Nothing to clip: the text is empty.');
  const all = splitUnits(normal);
  const script = dominantScript(normal);
  const found: Found = { byline: null, published: null };
  let units = removeCruft(cutTail(all), script, found);
  // If every line looked like chrome, the person still meant to clip it: keep it all.
  if (!units.some((u) => u.kind !== 'caption')) units = all;
  const { title, units: rest } = takeTitle(units, opts.title, found);
  // A short note that is all title ("Kelp forests recover") is its own article too, never an empty clip.
  const body = rest.length ? rest : units;
  const blocks = markHeadings(body);
  // Plain text (most pasted and imported text) is written in its stored form directly; text with Markdown is sanitised.
  const html = storedUnitsHtml(blocks) ?? sanitizeArticleHtml(unitsToHtml(blocks), url);
  const articleTextValue = articleText(html);
  const firstProse = body.find(isProse)?.text ?? body.find((u) => u.kind === 'line')?.text ?? null;
  return {
    title: title || 'Untitled',
    byline: found.byline,
    site: hostOf(url),
    published: found.published,
    url,
    lang: detectLanguage(articleTextValue || title),
    excerpt: firstProse ? shorten(firstProse, 200) : null,
    origin: 'text',
    html,
    text: articleTextValue,
  };
}
