/**
 * Defence in depth: the core already sanitised the article HTML; the renderer sanitises it again before it
 * goes into the page. No scripts, no event handlers, no inline styles, no embedded documents or forms.
 */
import DOMPurify from 'dompurify';

const FORBID_TAGS = [
  'script',
  'style',
  'link',
  'meta',
  'base',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'form',
  'input',
  'button',
  'textarea',
  'select',
  'option',
  'template',
  'noscript',
  'svg',
  'math',
];
const FORBID_ATTR = ['style', 'class', 'id', 'srcdoc', 'formaction', 'action', 'ping', 'target'];

let hooked = false;
/** The clip whose article is being sanitised (sanitising is synchronous, so one is enough). */
let currentClip: string | null = null;

/** A downloaded image beside the article, as the core stores it (`images/<hash>.<ext>`). */
const LOCAL_IMAGE = /^images\/([0-9a-f]{16,64}\.(?:png|jpg|gif|webp|avif|bmp))$/;

/**
 * Where a clip's downloaded images load from: the desktop app's `gloss-asset://` protocol, or the same
 * files under `/gloss-asset/` of the server that serves the app in a plain browser (the UI tests).
 */
export function assetUrl(clipId: string, file: string): string {
  const path = `${encodeURIComponent(clipId)}/${encodeURIComponent(file)}`;
  return navigator.userAgent.includes('Electron') ? `gloss-asset://${path}` : `/gloss-asset/${path}`;
}

/** The picture shown for an image that was not stored: a framed "load from the web" sign (no text node). */
const PLACEHOLDER =
  'data:image/svg+xml,' +
  encodeURIComponent(
    '<svg xmlns="http://www.w3.org/2000/svg" width="320" height="72" viewBox="0 0 320 72"><rect x="1" y="1" width="318" height="70" rx="6" fill="#f1efe9" stroke="#b9b4a8" stroke-dasharray="5 4"/><text x="160" y="32" font-family="system-ui,sans-serif" font-size="13" fill="#4a4740" text-anchor="middle">Picture not stored offline</text><text x="160" y="52" font-family="system-ui,sans-serif" font-size="12" fill="#8a4b12" text-anchor="middle">Click to load it from the web</text></svg>',
  );

/**
 * A remote picture never loads in the reader (the CSP allows none): it shows a placeholder whose click (or
 * Enter) asks the core to download it into the clip (see `data-gloss-remote`). The article's own data-*
 * attributes are stripped before this runs, so the marker cannot come from a page.
 */
function remotePlaceholder(img: HTMLImageElement, src: string): void {
  const alt = img.getAttribute('alt')?.trim();
  img.setAttribute('src', PLACEHOLDER);
  img.setAttribute('data-gloss-remote', src);
  img.setAttribute('role', 'button');
  img.setAttribute('tabindex', '0');
  img.setAttribute('title', `Not stored offline: click to load it from ${hostOf(src)}`);
  img.setAttribute('alt', `Picture not stored offline${alt ? ` (${alt})` : ''}: load it from the web`);
  img.removeAttribute('srcset');
  img.removeAttribute('width');
  img.removeAttribute('height');
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return 'the web';
  }
}

function ensureHooks(): void {
  if (hooked) return;
  hooked = true;
  DOMPurify.addHook('afterSanitizeAttributes', (node) => {
    if (node instanceof HTMLAnchorElement && node.hasAttribute('href')) {
      const href = node.getAttribute('href') ?? '';
      if (/^https?:/i.test(href)) {
        // The main process opens these in the system browser.
        node.setAttribute('target', '_blank');
        node.setAttribute('rel', 'noopener noreferrer');
      } else {
        // Relative, fragment and other links have no meaning inside the app (and must not navigate it).
        node.removeAttribute('href');
      }
    }
    if (node instanceof HTMLImageElement) {
      const src = node.getAttribute('src') ?? '';
      const local = LOCAL_IMAGE.exec(src);
      // Set after DOMPurify's URL checks, which would drop the app's own scheme.
      if (local && currentClip) node.setAttribute('src', assetUrl(currentClip, local[1]!));
      else if (/^https?:/i.test(src)) remotePlaceholder(node, src);
      else if (!src.startsWith('data:image/')) node.removeAttribute('src');
      node.setAttribute('loading', 'lazy');
      node.setAttribute('referrerpolicy', 'no-referrer');
    }
  });
}

/** Sanitises article HTML for the reader; with `clipId`, its downloaded images point at {@link assetUrl}. */
export function sanitizeArticle(html: string, clipId?: string): string {
  ensureHooks();
  currentClip = clipId ?? null;
  try {
    return DOMPurify.sanitize(html, {
      FORBID_TAGS,
      FORBID_ATTR,
      ALLOW_DATA_ATTR: false,
      ALLOW_UNKNOWN_PROTOCOLS: false,
    });
  } finally {
    currentClip = null;
  }
}
