/**
 * Page furniture recognised by how pages name it: the words in an element's `class` and `id` (share bars,
 * related-story boxes, newsletter sign-ups, comment sections, tag clouds, bylines, image credits…), in the
 * languages the pages are written in. Removed from the page before the article is chosen, so Readability and the
 * other candidates never score them, with a guard that never removes the article itself. Every check is a tag
 * or attribute test on elements collected in one walk (no selector queries: see article/dom.ts).
 */
import { closestTag, descendants, elementsByTag, hasDescendant } from '../article/dom';

/** Words that name furniture, matched against whole class/id tokens (split at `-`, `_`, spaces and camelCase). */
const FURNITURE_WORDS = new Set(
  [
    // sharing and following
    'share',
    'teilen',
    'compartir',
    'compartilhar',
    'partager',
    'partage',
    'condividi',
    'bagikan',
    'shares',
    'sharing',
    'sharebar',
    'sharetools',
    'social',
    'socials',
    'follow',
    'addthis',
    'sharethis',
    // related and recommended stories, teasers
    'related',
    'relacionadas',
    'relacionados',
    'relacionada',
    'relacionado',
    'correlati',
    'correlate',
    'verwandt',
    'recommended',
    'recommendations',
    'recommendation',
    'recirc',
    'recirculation',
    'readmore',
    'readnext',
    'outbrain',
    'taboola',
    'popular',
    'mostpopular',
    'mostread',
    'trending',
    'teaser',
    'teasers',
    'promo',
    'promos',
    'promoted',
    'terkait',
    'bacajuga',
    'lainnya',
    'empfehlung',
    'empfehlungen',
    'mehr',
    'aussi',
    'tambem',
    'leia',
    // newsletters, subscriptions, paywalls
    'newsletter',
    'newsletters',
    'subscribe',
    'subscription',
    'subscriptions',
    'signup',
    'paywall',
    'regwall',
    'inscription',
    'abonnement',
    'abo',
    'assine',
    'suscripcion',
    'boletin',
    // advertising
    'ad',
    'ads',
    'advert',
    'adverts',
    'advertisement',
    'advertising',
    'adslot',
    'adunit',
    'dfp',
    'gpt',
    'sponsor',
    'sponsored',
    'werbung',
    'anzeige',
    'publicidad',
    'publicidade',
    'pubblicita',
    'publicite',
    'reklama',
    'iklan',
    // comments
    'comment',
    'comments',
    'commentlist',
    'disqus',
    'respond',
    'replies',
    'kommentare',
    'comentarios',
    'commentaires',
    'commenti',
    'komentar',
    // tags and topics
    'tags',
    'tagcloud',
    'taglist',
    'keywords',
    'topics',
    'etiquetas',
    'schlagworte',
    'tag',
    // bylines, dates, credits, article meta
    'byline',
    'bylines',
    'dek',
    'author',
    'authors',
    'dateline',
    'timestamp',
    'credit',
    'credits',
    'copyright',
    'meta',
    'postmeta',
    'entrymeta',
    'articlemeta',
    'autor',
    'auteur',
    'autore',
    // navigation and page chrome
    'breadcrumb',
    'breadcrumbs',
    'nav',
    'navbar',
    'menu',
    'sidebar',
    'widget',
    'widgets',
    'toolbar',
    'tools',
    'pagination',
    'pager',
    'footer',
    'masthead',
    'cookie',
    'cookies',
    'consent',
    'gdpr',
    'modal',
    'popup',
    'overlay',
    'print',
    'skip',
    'srOnly',
    'visuallyhidden',
    'screenreader',
    'login',
    'signin',
    'gallery',
    'slideshow',
    'carousel',
    'rail',
    'sidebar',
    'aside',
    'extras',
  ].map((w) => w.toLowerCase()),
);

/** The lower-case tokens of an element's class and id. */
export function nameTokens(el: Element): string[] {
  const names = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
  if (!names.trim()) return [];
  return names
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/** Whether the element's class or id names page furniture (and nothing that names the article). */
export function namesFurniture(el: Element): boolean {
  const tokens = nameTokens(el);
  if (tokens.length === 0) return false;
  const joined = tokens.join('');
  let furniture = tokens.some((t) => FURNITURE_WORDS.has(t));
  // Compound class names without separators: "relatedarticles", "sharebuttons", "newsletterbox".
  furniture ||=
    /related|newsletter|sharebutton|socialshare|sharing|outbrain|taboola|breadcrumb|byline|advert|sponsor|comments?(?:list|section|count|area)|tagcloud|subscribe|recommend|readmore|alsoread|mostpopular|mostread|bacajuga|leiatambem|vejatambem|lesenauch|alireaussi|lireaussi|leggianche|sronly|offscreen|visuallyhidden|screenreader|tooltip|popover|hovercard|rollover|standfirst|strapline/.test(
      joined,
    );
  return furniture;
}

/**
 * A caption or credit that is not the `<figcaption>` of a figure: a block named "caption", "cutline" or
 * "credit" holding no picture of its own. It is text about a picture laid out beside the article's prose, and
 * once its picture is gone (lazy images, galleries) it reads as a stray paragraph; a `<figcaption>` stays with
 * its figure.
 */
export function isLooseCaption(el: Element): boolean {
  if (el.tagName === 'FIGCAPTION' || !/caption|cutline|credit/.test(nameTokens(el).join(''))) return false;
  if (closestTag(el, FIGCAPTION) || hasDescendant(el, FIGCAPTION)) return false;
  return !hasDescendant(el, ['IMG', 'PICTURE', 'VIDEO', 'SVG', 'IFRAME']);
}

const FIGCAPTION: ReadonlySet<string> = new Set(['FIGCAPTION']);

/** Tags and ARIA roles of elements that never hold article text. */
const CHROME_TAGS = new Set(['NAV', 'FOOTER', 'ASIDE', 'FORM', 'BUTTON', 'SELECT', 'TEXTAREA', 'IFRAME', 'DIALOG']);
const CHROME_ROLES = new Set(['navigation', 'banner', 'contentinfo', 'complementary', 'dialog', 'alertdialog']);

/**
 * An element that never holds article text, removed from the whole page: navigation, footers, asides, forms and
 * their controls, frames, dialogs (by tag or ARIA role), and hidden elements (`hidden`, `aria-hidden="true"`).
 */
export function isChrome(el: Element): boolean {
  return (
    CHROME_TAGS.has(el.tagName) ||
    CHROME_ROLES.has(el.getAttribute('role') ?? '') ||
    el.getAttribute('aria-hidden') === 'true' ||
    el.hasAttribute('hidden')
  );
}

/** Removes the chrome elements (`isChrome`) under `root`, all of them, whatever they hold. */
export function removeChrome(root: Element): void {
  for (const el of descendants(root)) if (isChrome(el)) el.remove();
}

/** The text length of `el`, and of its text inside links. */
export function textAndLinks(el: Element): { text: number; links: number } {
  const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim().length;
  let links = 0;
  for (const a of elementsByTag(el, 'a')) links += (a.textContent ?? '').replace(/\s+/g, ' ').trim().length;
  return { text, links: Math.min(links, text) };
}

/** How many paragraphs of running prose (120+ characters, mostly not links) `el` holds. */
function proseParagraphs(el: Element): number {
  let n = 0;
  for (const p of elementsByTag(el, 'p')) {
    const { text, links } = textAndLinks(p);
    if (text >= 120 && links < text * 0.3 && ++n >= 3) break;
  }
  return n;
}

/**
 * Removes page furniture from `root` (a page's body or a candidate's clone): the chrome elements, and elements
 * whose class/id names furniture, unless one holds a large share of the text (then it wraps the article).
 *
 * @param keep elements that must stay, with their ancestors (e.g. the page's marked article)
 */
export function stripFurniture(root: Element, keep: Element[] = []): void {
  const total = Math.max(1, (root.textContent ?? '').replace(/\s+/g, ' ').length);
  const protectedEls = new Set<Element>();
  for (const k of keep) for (let e: Element | null = k; e; e = e.parentElement) protectedEls.add(e);
  const guarded = (el: Element) =>
    protectedEls.has(el) ||
    hasDescendant(el, ['H1']) ||
    (el.textContent ?? '').length > total * 0.4 ||
    (proseParagraphs(el) >= 3 && !nameTokens(el).some((t) => t.startsWith('comment')));
  // One walk collects both kinds; the chrome goes first, then what class/id names as furniture (an element
  // already removed with an ancestor is no longer under `root` and is passed over).
  const all = descendants(root);
  for (const el of all) {
    if (isChrome(el) && el.isConnected && !guarded(el) && root.contains(el)) el.remove();
  }
  const named = all.filter((el) => el.hasAttribute('class') || el.hasAttribute('id'));
  for (const el of named) {
    if (!root.contains(el) || el.tagName === 'BODY' || el.tagName === 'HTML') continue;
    if ((namesFurniture(el) || isLooseCaption(el)) && !guarded(el) && !inRunningText(el) && !holdsEmbeddedPost(el))
      el.remove();
  }
}

/** Elements that sit inside a line of text rather than making a block of their own. */
const INLINE = new Set([
  'A',
  'SPAN',
  'EM',
  'STRONG',
  'B',
  'I',
  'U',
  'S',
  'SMALL',
  'MARK',
  'ABBR',
  'CITE',
  'CODE',
  'TIME',
  'SUB',
  'SUP',
  'FONT',
]);

/**
 * An inline element inside a sentence: its parent holds 20+ characters of text of its own around it, whatever
 * the element's class says (publishers link names in the text to their tag pages as `<a class="auto-tag">`).
 */
function inRunningText(el: Element): boolean {
  const parent = el.parentElement;
  if (!INLINE.has(el.tagName) || !parent || closestTag(parent, FIGCAPTION)) return false;
  let own = 0;
  for (const node of Array.from(parent.childNodes))
    if (node.nodeType === 3) own += (node.nodeValue ?? '').replace(/\s+/g, '').length;
  return own >= 20;
}

/** Classes of embedded posts (tweets, Instagram, TikTok…) the article quotes (and any class naming an embed). */
const EMBEDDED_POST_CLASSES = new Set(['twitter-tweet', 'instagram-media', 'tiktok-embed', 'reddit-card']);

/** An embedded post: a `<blockquote>` with one of those classes; its wrappers are often named "social". */
function isEmbeddedPost(el: Element): boolean {
  if (el.tagName !== 'BLOCKQUOTE') return false;
  const names = el.getAttribute('class') ?? '';
  return /embed/i.test(names) || names.split(/\s+/).some((c) => EMBEDDED_POST_CLASSES.has(c));
}

function holdsEmbeddedPost(el: Element): boolean {
  return isEmbeddedPost(el) || elementsByTag(el, 'blockquote').some(isEmbeddedPost);
}

/**
 * Replaces the wrappers around each embedded post under `root` (elements holding nothing else) with the post
 * itself: the wrappers are named "social-embed" and the like, which Readability takes for a share bar.
 */
export function unwrapEmbeddedPosts(root: Element): void {
  const posts = elementsByTag(root, 'blockquote').filter(isEmbeddedPost);
  for (const post of posts) {
    const own = (post.textContent ?? '').trim().length;
    let outer: Element = post;
    while (
      outer.parentElement &&
      outer.parentElement !== root &&
      !/^(?:BODY|HTML|ARTICLE|MAIN)$/.test(outer.parentElement.tagName) &&
      (outer.parentElement.textContent ?? '').trim().length === own
    )
      outer = outer.parentElement;
    if (outer !== post) outer.replaceWith(post);
  }
}
