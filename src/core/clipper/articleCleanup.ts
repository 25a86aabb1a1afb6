/**
 * Cleaning the chosen article in place, block by block: what candidates carry along besides the article text.
 * Each rule is a class of page furniture seen on many sites, never one site's strings: a heading that repeats
 * the title, a byline or date line at the top, lone chrome lines ("Advertisement", "Share", "Read more"),
 * image credits outside captions, link lists ("Most Popular", other headlines), repeated blocks (gallery
 * captions shown twice), and the page's tail from a "Related stories" heading on.
 */
import {
  childElements,
  closestTag,
  descendants,
  elementsByTag,
  elementsByTags,
  firstByTags,
  hasDescendant,
} from '../article/dom';
import { looseText } from '../article/text';
import { textAndLinks } from './boilerplate';
import {
  bylineValue,
  dateLineValue,
  isChromeLine,
  isPhotoCreditLine,
  isReadingTimeLine,
  isTailStart,
  isTodayLine,
  readMetaLine,
  wordCount,
} from './lineRules';

/**
 * Blocks the rules look at: the innermost elements that hold a line or paragraph of text (tag names: the rules
 * test tags and attributes on elements collected in one walk, never run selector queries; see article/dom.ts).
 */
const BLOCKS = tags('P DIV H1 H2 H3 H4 H5 H6 LI DT DD BLOCKQUOTE FIGCAPTION SECTION');
const BLOCK_CHILD = tags('P DIV H1 H2 H3 H4 H5 H6 LI UL OL TABLE BLOCKQUOTE FIGURE SECTION PRE');
const IN_CAPTION = tags('FIGCAPTION FIGURE');
const VERBATIM = tags('PRE TABLE');
const LEADING_HEADING = tags('H1 H2');
const FIRST_TEXT = tags('P LI BLOCKQUOTE PRE TD');
const LISTS = tags('UL OL');
const SUBHEADINGS = tags('H2 H3 H4 H5 H6');
const MEDIA = ['IMG', 'PICTURE', 'VIDEO'];

function tags(names: string): ReadonlySet<string> {
  return new Set(names.split(' '));
}

/** How many leading blocks may hold the byline/date lines. */
const HEADER_BLOCKS = 4;

/** Short lines that are page furniture wherever they stand (beyond the chrome phrases of lineRules). */
const FURNITURE_LINES = [
  /^(?:read|see|view|show|load) (?:more|all|full (?:story|article|gallery)|comments?|the full story)\b.{0,40}$/iu,
  /^(?:back to (?:gallery|top|article)|see full gallery|view gallery|open gallery|enlarge|expand|caption|image|photo|video|play video|watch|close|advert|adverts|ad choices|iklan|anuncio|publicidad|publicidade|pubblicità|werbung|anzeige|публикация|реклама|광고)\.?$/iu,
  /^(?:this (?:slideshow|video|content|embed) requires javascript|javascript is (?:required|disabled)).*$/iu,
  /^\d+\s*(?:-|–|of|\/)\s*\d+(?:\s+of\s+\d+)?$/u,
  /^[\p{P}\p{S}\s]+$/u,
  /^\d+\s+(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?)\s+ago$/iu,
  /^(?:©|\(c\)|copyright)\s*\d{4}/iu,
  /^(?:updated|posted|published|last updated|last modified)\b.{0,60}$/iu,
  /^(?:tags?|topics?|related topics|filed under|categories|category|etiquetas|schlagworte|теги|темы)\s*:?.{0,200}$/iu,
  /^(?:\d+\s+)?(?:comments?|replies|kommentare|comentarios|commentaires|комментари[йея])(?:\s*\(\d+\))?$/iu,
  /^(?:sign up|subscribe|get (?:the|our)|join (?:our|the))\b.{0,120}(?:newsletter|inbox|email|updates)\b.{0,60}$/iu,
  /^(?:breaking news|latest news|top stories|just in|live updates?|more news|news in brief)$/iu,
  /^(?:source|sources|fonte|fontes|fuente|fuentes|quelle|quellen|источник)\s*:\s*[^.!?]{0,60}$/iu,
  /^(?:www\.)?[\p{L}\d-]+\.(?:com|org|net|co\.uk|com\.au|co|io|news|de|fr|it|es|ru|in|uk|ca|au)$/iu,
];

/**
 * Promotion of the publisher or the author, at the top or in the tail of the article: follow us on…, have a
 * tip?, reach the author at…, join our forums, subscribe to our magazine, if you enjoyed this article….
 */
const PROMO_LINES = [
  /\bfollow (?:us|him|her|me|them|[\p{L}@][\p{L}\d_.]*) (?:on|at) (?:twitter|facebook|instagram|linkedin|youtube|tiktok|x)\b/iu,
  /\b(?:have|got) a (?:news )?tip\b/iu,
  /\b(?:can|may) be reached at\b/iu,
  /\b(?:subscribe to|sign up (?:for|to)|join) (?:our|the)\b.{0,80}\b(?:newsletters?|magazines?|forums?|community|podcasts?|channel|title|club)\b/iu,
  /^if you (?:enjoyed|liked|value|appreciate) (?:this|our|reading)\b/iu,
  /\bget access to\b.{0,80}\bsubscriptions?\b/iu,
  /^listen to\b.{0,60}\b(?:live|podcast|listen back)\b/iu,
];

/** A short paragraph promoting the publisher or the author (see PROMO_LINES). */
function isPromoLine(text: string): boolean {
  return wordCount(text) <= 60 && PROMO_LINES.some((re) => re.test(text));
}

function lineText(el: Element): string {
  return (el.textContent ?? '').replace(/\s+/g, ' ').trim();
}

function isFurnitureLine(text: string): boolean {
  return (
    isChromeLine(text) ||
    isReadingTimeLine(text) ||
    isTodayLine(text) ||
    (wordCount(text) <= 30 && FURNITURE_LINES.some((re) => re.test(text)))
  );
}

/** A byline/date line: every part (split at `·`, `|`, `;`, line breaks) is a byline, a date or chrome. */
function isMetaLine(text: string, byline: string | null): boolean {
  if (wordCount(text) > 20) return false;
  if (byline && wordCount(text) <= 12 && looseText(text).includes(looseText(byline).split(',')[0]!)) return true;
  const parts = text.split(/\s*[;|·•]\s*/u).filter(Boolean);
  return parts.length > 0 && parts.every((p) => !!readMetaLine(p) || !!bylineValue(p) || !!dateLineValue(p));
}

/** Tail headings over comments, after which prose is the readers', not the article's. */
const COMMENTS_HEADING = /comment|kommentar|comentario|conversation|discussion|reply|helpful/iu;

/** A paragraph of running prose: 15+ words, few of them links, not a caption. */
function isProse(el: Element): boolean {
  const { text, links } = textAndLinks(el);
  return wordCount(lineText(el)) >= 15 && links < text * 0.2 && !closestTag(el, IN_CAPTION);
}

/** The innermost text blocks of `root`, in document order. */
function textBlocks(root: Element): Element[] {
  const all = descendants(root);
  // Which elements hold a block: read backwards, each element is seen after everything inside it.
  const holdsBlock = new Set<Element>();
  for (let i = all.length - 1; i >= 0; i--) {
    const el = all[i]!;
    if ((BLOCK_CHILD.has(el.tagName) || holdsBlock.has(el)) && el.parentElement) holdsBlock.add(el.parentElement);
  }
  return all.filter(
    (el) => BLOCKS.has(el.tagName) && !holdsBlock.has(el) && lineText(el) !== '' && !closestTag(el, VERBATIM),
  );
}

/** A list whose items are mostly links: other headlines, "Most Popular", tag clouds. */
function isLinkList(el: Element): boolean {
  const items = childElements(el).filter((c) => c.tagName === 'LI');
  if (items.length < 2) return false;
  const { text, links } = textAndLinks(el);
  return text > 0 && links >= text * 0.7;
}

/** How much text follows `el` in `root`. */
function textAfter(el: Element, root: Element): number {
  const range = el.ownerDocument.createRange();
  range.setStartAfter(el);
  range.setEndAfter(root.lastChild ?? root);
  return range.toString().replace(/\s+/g, ' ').trim().length;
}

/** Removes `el`, then any ancestor (up to `root`) left without text or images. */
function removeBlock(el: Element, root: Element): void {
  let parent: Element | null = el.parentElement;
  el.remove();
  while (parent && parent !== root && lineText(parent) === '' && !hasDescendant(parent, MEDIA)) {
    const up: Element | null = parent.parentElement;
    parent.remove();
    parent = up;
  }
}

/**
 * Cleans the article under `root` in place (see the module comment).
 *
 * @param title the clip's title: a leading heading that repeats it goes (the reader shows the title)
 * @param byline the author's name from the page's metadata, if any: a short line naming it at the top goes
 * @param headline the text of the page's first h1, if any
 * @param deck the page's description, if any: a heading at the top that repeats it is a standfirst
 */
export function cleanArticle(
  root: Element,
  title: string,
  byline: string | null,
  headline: string | null,
  deck: string | null = null,
): void {
  // A leading headline (the title, or the page's h1, which Readability turns into an h2): the reader shows the
  // title above the article.
  const heading = firstByTags(root, LEADING_HEADING);
  const firstText = firstByTags(root, FIRST_TEXT);
  if (
    heading &&
    [title, headline].some((t) => t && looseText(heading.textContent) === looseText(t)) &&
    (!firstText || heading.compareDocumentPosition(firstText) & 4)
  )
    heading.remove();

  // A standfirst set as a heading under the headline (it repeats the page's description): the reader shows the
  // article, not its summary.
  const first = textBlocks(root)[0];
  if (
    first &&
    deck &&
    /^H[2-4]$/.test(first.tagName) &&
    wordCount(lineText(first)) >= 8 &&
    looseText(first.textContent) === looseText(deck)
  )
    removeBlock(first, root);

  // Link lists (other headlines, "Most Popular") before the article's prose or in its tail; a list of links in
  // the middle of the text is the article's own (sources, a menu of chapters).
  const total = lineText(root).length;
  const firstProse = elementsByTag(root, 'p').find((p) => wordCount(lineText(p)) >= 25) ?? null;
  for (const list of elementsByTags(root, LISTS)) {
    if (!isLinkList(list)) continue;
    const beforeProse = !!firstProse && !!(list.compareDocumentPosition(firstProse) & 4);
    if (beforeProse || textAfter(list, root) < total * 0.3) removeBlock(list, root);
  }

  let seenText = 0;
  // Where each block's text was first seen: the same text again right after it or in another container is the
  // page showing it twice (a gallery's captions, a teaser of a passage); again further on in the same container,
  // the author's own (a menu per day, a refrain).
  const seen = new Map<string, Element | null>();
  let previous = '';
  const blocks = textBlocks(root);
  for (const [i, el] of blocks.entries()) {
    if (!root.contains(el)) continue;
    const text = lineText(el);
    const key = looseText(text);
    const inCaption = !!closestTag(el, IN_CAPTION);
    const { links } = textAndLinks(el);
    const drop =
      isFurnitureLine(text) ||
      (i < HEADER_BLOCKS && !inCaption && isMetaLine(text, byline)) ||
      (!inCaption && wordCount(text) <= 15 && isPhotoCreditLine(text)) ||
      (!inCaption && wordCount(text) <= 20 && /©|\(c\) \d{4}/u.test(text)) ||
      ((i < HEADER_BLOCKS || seenText > total * 0.6) && !inCaption && isPromoLine(text)) ||
      (el.tagName !== 'LI' &&
        wordCount(text) >= 8 &&
        seen.has(key) &&
        (key === previous || seen.get(key) !== el.parentElement)) ||
      (links >= text.length * 0.8 &&
        wordCount(text) <= 25 &&
        !inCaption &&
        el.tagName !== 'LI' &&
        !/^(?:https?:\/\/|www\.)\S+$/i.test(text));
    if (!seen.has(key)) seen.set(key, el.parentElement);
    previous = key;
    if (drop) {
      removeBlock(el, root);
      continue;
    }
    // The page's tail: from a "Related stories" / "Comments" heading on, when little text follows. A teaser box
    // inside the text ("Don't miss" over a few links) after which the article's prose goes on loses only its
    // heading and links.
    if (isTailStart(text) && seenText > total * 0.5) {
      const after = blocks.slice(i + 1).filter((b) => root.contains(b));
      const rest = after.reduce((n, b) => n + lineText(b).length, 0);
      if (rest < total * 0.35) {
        const box = after.findIndex((b) => isProse(b));
        const resumes = box >= 0 && !COMMENTS_HEADING.test(text) && after.slice(box, box + 2).every(isProse);
        for (const b of resumes ? after.slice(0, box) : after) removeBlock(b, root);
        removeBlock(el, root);
        if (resumes) continue;
        break;
      }
    }
    seenText += text.length;
  }

  // Headings left with nothing under them ("Most Popular" over a removed list): followed by nothing or by a
  // heading of the same or a higher rank (a heading over its own subheadings keeps them).
  const all = elementsByTags(root, SUBHEADINGS);
  for (const h of all) {
    let next: Element | null = h.nextElementSibling;
    while (next && lineText(next) === '' && !hasDescendant(next, ['IMG'])) next = next.nextElementSibling;
    if (!next || (/^H[1-6]$/.test(next.tagName) && next.tagName <= h.tagName)) {
      if (!next && h.parentElement !== root && h.parentElement?.nextElementSibling) continue;
      removeBlock(h, root);
    }
  }
}
