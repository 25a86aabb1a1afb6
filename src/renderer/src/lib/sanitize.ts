/**
 * Defence in depth: the core already sanitised the article HTML; the renderer sanitises it again before it
 * goes into the page. No scripts, no event handlers, no inline styles, no embedded documents or forms.
 */
import DOMPurify from 'dompurify';

const FORBID_TAGS = [
  'script', 'style', 'link', 'meta', 'base', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet',
  'form', 'input', 'button', 'textarea', 'select', 'option', 'template', 'noscript', 'svg', 'math',
];
const FORBID_ATTR = ['style', 'class', 'id', 'srcdoc', 'formaction', 'action', 'ping', 'target'];

let hooked = false;

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
      node.setAttribute('loading', 'lazy');
      node.setAttribute('referrerpolicy', 'no-referrer');
    }
  });
}

/** Sanitises article HTML for the reader. */
export function sanitizeArticle(html: string): string {
  ensureHooks();
  return DOMPurify.sanitize(html, {
    FORBID_TAGS,
    FORBID_ATTR,
    ALLOW_DATA_ATTR: false,
    ALLOW_UNKNOWN_PROTOCOLS: false,
  });
}
