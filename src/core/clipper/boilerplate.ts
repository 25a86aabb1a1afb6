/**
 * Page furniture recognised by how pages name it: the words in an element's `class` and `id` (share bars,
 * related-story boxes, newsletter sign-ups, comment sections, tag clouds, bylines, image credits…), in the
 * languages the pages are written in. Removed from the page before the article is chosen, so Readability and the
 * other candidates never score them, with a guard that never removes the article itself.
 */

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
    /related|newsletter|sharebutton|socialshare|sharing|outbrain|taboola|breadcrumb|byline|advert|sponsor|comments?(?:list|section|count|area)|tagcloud|subscribe|recommend|readmore|alsoread|mostpopular|mostread|bacajuga|leiatambem|vejatambem|lesenauch|alireaussi|lireaussi|leggianche/.test(
      joined,
    );
  return furniture;
}

/** Elements that never hold article text, removed from the whole page. */
export const CHROME_SELECTOR =
  'nav, footer, aside, form, button, select, textarea, iframe, dialog, [role="navigation"], [role="banner"], [role="contentinfo"], [role="complementary"], [role="dialog"], [role="alertdialog"], [aria-hidden="true"], [hidden]';

/** The text length of `el`, and of its text inside links. */
export function textAndLinks(el: Element): { text: number; links: number } {
  const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim().length;
  let links = 0;
  for (const a of Array.from(el.getElementsByTagName('a')))
    links += (a.textContent ?? '').replace(/\s+/g, ' ').trim().length;
  return { text, links: Math.min(links, text) };
}

/** How many paragraphs of running prose (120+ characters, mostly not links) `el` holds. */
function proseParagraphs(el: Element): number {
  let n = 0;
  for (const p of Array.from(el.getElementsByTagName('p'))) {
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
    el.querySelector('h1') !== null ||
    (el.textContent ?? '').length > total * 0.4 ||
    (proseParagraphs(el) >= 3 && !nameTokens(el).some((t) => t.startsWith('comment')));
  for (const el of Array.from(root.querySelectorAll(CHROME_SELECTOR))) {
    if (el.isConnected && !guarded(el) && root.contains(el)) el.remove();
  }
  for (const el of Array.from(root.querySelectorAll('[class], [id]'))) {
    if (!root.contains(el) || el.tagName === 'BODY' || el.tagName === 'HTML') continue;
    if (namesFurniture(el) && !guarded(el)) el.remove();
  }
}
