/**
 * Sanitising article HTML before it is stored: DOMPurify (over the shared inert jsdom window)
 * with an allow-list of article markup only, then URL fixing and a tidy, idempotent layout.
 */
import createDOMPurify, { type Config, type DOMPurify, type WindowLike } from 'dompurify';
import { sharedWindow } from '../article/dom';
import { ArticleSerializer } from './serialize';
import { bestSrcsetUrl, safeImageUrl, safeLinkUrl } from './urls';

const ALLOWED_TAGS = [
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'p',
  'a',
  'em',
  'strong',
  'b',
  'i',
  'u',
  's',
  'sub',
  'sup',
  'code',
  'pre',
  'kbd',
  'mark',
  'blockquote',
  'q',
  'cite',
  'abbr',
  'ul',
  'ol',
  'li',
  'dl',
  'dt',
  'dd',
  'table',
  'thead',
  'tbody',
  'tfoot',
  'tr',
  'th',
  'td',
  'caption',
  'figure',
  'figcaption',
  'img',
  'br',
  'hr',
  'section',
  'article',
  'div',
  'span',
  // Presentational wrappers: allowed through DOMPurify only to be unwrapped by the serializer,
  // because DOMPurify's own unwrapping of a big wrapper is slow under jsdom.
  'main',
  'font',
  'center',
  'small',
  'big',
  'time',
  'ins',
  'del',
];
const ALLOWED_ATTR = ['href', 'src', 'alt', 'title', 'width', 'height', 'colspan', 'rowspan'];

const CONFIG: Config & { RETURN_DOM: true } = {
  ALLOWED_TAGS,
  ALLOWED_ATTR,
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
  KEEP_CONTENT: true,
  RETURN_DOM: true,
  // Content of these never belongs in the article, unlike e.g. <font> whose text is kept.
  FORBID_CONTENTS: [
    'script',
    'style',
    'template',
    'noscript',
    'iframe',
    'object',
    'embed',
    'svg',
    'math',
    'select',
    'textarea',
    'button',
    'title',
    'head',
    'noembed',
    'noframes',
  ],
};

/** Lazy-loading attributes that hold the real image while `src` holds a placeholder. */
const LAZY_SRC = ['data-src', 'data-lazy-src', 'data-original', 'data-url', 'data-hi-res-src'];
const LAZY_SRCSET = ['srcset', 'data-srcset', 'data-lazy-srcset'];

/** One purifier per window: DOMPurify only accepts nodes of its own window (the page's, or the shared one). */
const purifiers = new WeakMap<object, DOMPurify>();
/** The base URL of the sanitise call in progress (sanitising is synchronous, so one is enough). */
let currentBase: string | null = null;
/** Images without a usable source, left out when serialising. */
let doomed = new Set<Element>();

function isPlaceholder(src: string): boolean {
  return src === '' || /^data:/i.test(src) || /(?:blank|spacer|placeholder|pixel|1x1)\.(?:gif|png)/i.test(src);
}

/** Chooses the real image URL before DOMPurify drops the `data-*` and `srcset` attributes. */
function pickImageSource(img: Element): void {
  const src = img.getAttribute('src')?.trim() ?? '';
  let best: string | null = null;
  for (const name of LAZY_SRCSET) {
    const set = img.getAttribute(name);
    if (set) best ??= bestSrcsetUrl(set);
  }
  for (const name of LAZY_SRC) best ??= img.getAttribute(name)?.trim() || null;
  if (best && (isPlaceholder(src) || img.hasAttribute('srcset') || img.hasAttribute('data-srcset'))) {
    img.setAttribute('src', best);
  }
}

/** Which element may carry which attribute (DOMPurify's allow-list is global). */
const ATTR_OWNERS: Record<string, string[]> = {
  href: ['A'],
  src: ['IMG'],
  alt: ['IMG'],
  width: ['IMG'],
  height: ['IMG'],
  title: ['IMG', 'ABBR', 'A'],
  colspan: ['TD', 'TH'],
  rowspan: ['TD', 'TH'],
};

/** Makes URLs absolute and safe; drops images that have no usable source. */
function fixUrls(el: Element): void {
  for (const attr of Array.from(el.attributes)) {
    if (!ATTR_OWNERS[attr.name]?.includes(el.tagName)) el.removeAttribute(attr.name);
  }
  if (el.tagName === 'A') {
    const href = el.getAttribute('href');
    if (href !== null) {
      const safe = safeLinkUrl(href, currentBase);
      if (safe) el.setAttribute('href', safe);
      else el.removeAttribute('href');
    }
  } else if (el.tagName === 'IMG') {
    const safe = safeImageUrl(el.getAttribute('src') ?? '', currentBase);
    if (safe) el.setAttribute('src', safe);
    else doomed.add(el);
  }
  for (const name of ['width', 'height', 'colspan', 'rowspan']) {
    const value = el.getAttribute(name);
    if (value !== null && !/^\d{1,4}$/.test(value.trim())) el.removeAttribute(name);
  }
}

function getPurifier(window: object = sharedWindow()): DOMPurify {
  const known = purifiers.get(window);
  if (known) return known;
  const purifier = createDOMPurify(window as unknown as WindowLike);
  purifiers.set(window, purifier);
  purifier.addHook('beforeSanitizeAttributes', (node) => {
    if (node.nodeName === 'IMG') pickImageSource(node as Element);
  });
  purifier.addHook('afterSanitizeAttributes', (node) => {
    if (node.nodeType === 1) fixUrls(node as Element);
  });
  return purifier;
}

/**
 * Cleans untrusted article HTML down to plain article markup: headings (h1 demoted to h2),
 * paragraphs, links (http/https/mailto, absolute), inline emphasis, lists, tables, figures and
 * images (http/https/raster data URLs, absolute, lazy-load sources resolved). Everything
 * executable or stylistic is removed. The result has a "\n" between blocks and no empty
 * paragraphs, and sanitising it again returns it unchanged.
 *
 * @param html    untrusted HTML (a fragment or a whole page; only the body content is kept), or an element of a
 *                jsdom document, sanitised without serialising and parsing it again
 * @param baseUrl the page's URL, used to make relative links and images absolute
 * @param window  the jsdom window the element belongs to (its document may have none of its own)
 */
export function sanitizeArticleHtml(html: string | Element, baseUrl?: string | null, window?: object): string {
  let out = sanitizeOnce(html, baseUrl ?? null, window);
  // Markup that the parser would restructure (e.g. a block left inside <p> after a disallowed
  // wrapper was removed) only settles after a re-parse; a few rounds reach the fixed point.
  for (let round = 0; round < 3; round++) {
    const again = sanitizeOnce(out, null);
    if (again === out) break;
    out = again;
  }
  return out;
}

function sanitizeOnce(input: string | Element, baseUrl: string | null, pageWindow?: object): string {
  const window = typeof input === 'string' ? null : (pageWindow ?? input.ownerDocument.defaultView);
  // An element whose window is unknown goes through its markup.
  const html = typeof input !== 'string' && !window ? input.innerHTML : input;
  const purify = getPurifier(window ?? undefined);
  currentBase = baseUrl;
  const skip = (doomed = new Set());
  let body: Element | null;
  try {
    body = purify.sanitize(html, CONFIG) as unknown as Element | null;
  } finally {
    currentBase = null;
  }
  // A <frameset> page parses into a document without a body: there is no article markup to keep.
  if (!body) return '';
  return new ArticleSerializer(skip).inner(body).trim();
}
