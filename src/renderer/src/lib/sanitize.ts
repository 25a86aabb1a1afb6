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
      const local = LOCAL_IMAGE.exec(node.getAttribute('src') ?? '');
      // Set after DOMPurify's URL checks, which would drop the app's own scheme.
      if (local && currentClip) node.setAttribute('src', assetUrl(currentClip, local[1]!));
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
