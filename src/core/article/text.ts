/**
 * The canonical article text. Highlight selectors (TextQuote / TextPosition) index into it,
 * and the renderer computes the same string by parsing the same stored HTML in Chromium,
 * so nothing may be normalised after parsing: any change here would shift every stored offset.
 */
import { parse, type DefaultTreeAdapterMap } from 'parse5';

type ParentNode = DefaultTreeAdapterMap['parentNode'];

/** The text of every text node under `node`, in document order (what the DOM's `textContent` gives). */
function textContent(node: ParentNode): string {
  const parts: string[] = [];
  const stack: ParentNode[] = [node];
  const indexes: number[] = [0];
  // An explicit stack: a hostile article may nest elements deeper than the call stack goes.
  while (stack.length) {
    const top = stack.length - 1;
    const children = stack[top]!.childNodes;
    const at = indexes[top]!;
    if (at >= children.length) {
      stack.pop();
      indexes.pop();
      continue;
    }
    indexes[top] = at + 1;
    const child = children[at]!;
    if (child.nodeName === '#text') parts.push((child as DefaultTreeAdapterMap['textNode']).value);
    // A template's content lives apart from its children (as in the DOM, where textContent skips it).
    else if ('childNodes' in child) {
      stack.push(child);
      indexes.push(0);
    }
  }
  return parts.join('');
}

/**
 * Returns the `textContent` of `html` parsed as the body of a document
 * (`<!doctype html><body>` + html), exactly, with no whitespace normalisation.
 *
 * Parsed by parse5, the spec's HTML parser that jsdom itself uses (scripting disabled, as jsdom's
 * DOMParser and an inert document parse), straight into its light tree: the same text as jsdom's
 * `body.textContent` at a fraction of the cost (no DOM objects, no mutation records), which matters
 * when a clip is opened, imported or exported by the thousand.
 */
export function articleText(html: string): string {
  const body = parsedBody(html);
  return body ? textContent(body) : '';
}

/**
 * `articleText` of `html` and the text of its first `<p>` (trimmed, '' when it has none), from one parse: what
 * a new clip needs for its text and its excerpt.
 */
export function articleTextAndOpening(html: string): { text: string; firstParagraph: string } {
  const body = parsedBody(html);
  if (!body) return { text: '', firstParagraph: '' };
  const p = firstElement(body, 'p');
  return { text: textContent(body), firstParagraph: p ? textContent(p).trim() : '' };
}

/** The body (or frameset) of `html` parsed as `<!doctype html><body>` + html, as the renderer parses it. */
function parsedBody(html: string): ParentNode | null {
  const document = parse('<!doctype html><body>' + html, { scriptingEnabled: false });
  const root = document.childNodes.find((node) => node.nodeName === 'html') as ParentNode | undefined;
  const body = root?.childNodes.find((node) => node.nodeName === 'body' || node.nodeName === 'frameset');
  return body && 'childNodes' in body ? body : null;
}

/** The first element named `name` under `node` in document order (depth first, explicit stack). */
function firstElement(node: ParentNode, name: string): ParentNode | null {
  const stack: ParentNode[] = [node];
  while (stack.length) {
    const top = stack.pop()!;
    for (let i = top.childNodes.length - 1; i >= 0; i--) {
      const child = top.childNodes[i]!;
      if ('childNodes' in child) stack.push(child);
    }
    if (top !== node && top.nodeName === name) return top;
  }
  return null;
}

// Word counts live in wordCount.ts (the library store needs them without loading an HTML parser).
export { countWords } from './wordCount';

/** Text for comparing loosely: runs of white space as one space, trimmed, lower case. */
export function looseText(text: string | null | undefined): string {
  return (text ?? '').replace(/\s+/g, ' ').trim().toLowerCase();
}
