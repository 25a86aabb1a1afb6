/**
 * The DOM post-pass after DOMPurify: structural clean-up and "pretty" whitespace.
 * Every rule here must be a fixed point (running it on its own output changes nothing),
 * because sanitising is required to be idempotent.
 */

/** Elements that start a new line; text of two adjacent ones must never run together. */
export const BLOCK_TAGS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'CAPTION', 'DD', 'DIV', 'DL', 'DT', 'FIGCAPTION',
  'FIGURE', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HR', 'LI', 'OL', 'P', 'PRE', 'SECTION', 'TABLE',
  'TBODY', 'TD', 'TFOOT', 'TH', 'THEAD', 'TR', 'UL',
]);

const BLOCK_SELECTOR = Array.from(BLOCK_TAGS, (t) => t.toLowerCase()).join(', ');

/** Blocks that mean nothing when they hold no text and no image. */
const DROP_WHEN_EMPTY = new Set([
  'P', 'H2', 'H3', 'H4', 'H5', 'H6', 'BLOCKQUOTE', 'DIV', 'SECTION', 'ARTICLE', 'FIGCAPTION',
  'FIGURE', 'SPAN', 'EM', 'STRONG', 'B', 'I', 'U', 'S', 'MARK', 'A', 'UL', 'OL', 'LI', 'DL',
]);

/** Wrappers that may hold either blocks or phrasing content. */
const WRAPPERS = new Set(['DIV', 'SECTION', 'ARTICLE']);

function isBlock(node: Node | null): boolean {
  return !!node && node.nodeType === 1 && BLOCK_TAGS.has((node as Element).tagName);
}

function rename(el: Element, tag: string): Element {
  const replacement = el.ownerDocument.createElement(tag);
  for (const attr of Array.from(el.attributes)) replacement.setAttribute(attr.name, attr.value);
  replacement.append(...Array.from(el.childNodes));
  el.replaceWith(replacement);
  return replacement;
}

function unwrap(el: Element): void {
  el.replaceWith(...Array.from(el.childNodes));
}

function isBlank(el: Element): boolean {
  return (el.textContent ?? '').trim() === '' && !el.querySelector('img, hr, br, table');
}

/**
 * Simplifies structure: the article's own h1 becomes h2 (the reader owns the page title),
 * spans are unwrapped (they carry no attributes any more), wrappers holding only blocks are
 * unwrapped, wrappers holding only inline content become paragraphs, and empty blocks go.
 */
export function simplifyStructure(root: Element): void {
  for (const h1 of Array.from(root.querySelectorAll('h1'))) rename(h1, 'h2');
  for (const span of Array.from(root.querySelectorAll('span'))) unwrap(span);
  // Innermost first, so an outer wrapper sees its children in their final shape.
  for (const el of Array.from(root.querySelectorAll('div, section, article')).reverse()) {
    const kids = Array.from(el.childNodes).filter(
      (n) => !(n.nodeType === 3 && (n.textContent ?? '').trim() === ''),
    );
    if (kids.every(isBlock)) unwrap(el);
    else if (!el.querySelector(BLOCK_SELECTOR) && !el.closest('p, h2, h3, h4, h5, h6, pre')) {
      rename(el, 'p');
    }
  }
  // Innermost first, so a list whose only item was empty goes too.
  for (const el of Array.from(root.querySelectorAll('*')).reverse()) {
    if (DROP_WHEN_EMPTY.has(el.tagName) && isBlank(el)) el.remove();
  }
  for (const el of Array.from(root.querySelectorAll('div, section, article'))) {
    if (WRAPPERS.has(el.tagName) && el.childNodes.length === 0) el.remove();
  }
  for (const br of Array.from(root.querySelectorAll('br'))) {
    // A line break at the very start or end of a block shows nothing.
    if (!br.previousSibling || !br.nextSibling) {
      if (br.parentElement && isBlock(br.parentElement)) br.remove();
    }
  }
  root.normalize();
}

/**
 * Puts exactly one "\n" between a block element and its neighbours (and after each `<br>`),
 * trimming the whitespace that faced the block, so that `textContent` separates blocks
 * and lines. `<pre>` content is left untouched.
 */
export function separateBlocks(root: Element): void {
  const doc = root.ownerDocument;
  const visit = (parent: Element): void => {
    if (parent.tagName === 'PRE') return;
    for (const child of Array.from(parent.children)) visit(child);
    for (const node of Array.from(parent.childNodes)) {
      if (node.nodeType !== 3) continue;
      let text = node.textContent ?? '';
      if (isBlock(node.previousSibling) || node.previousSibling?.nodeName === 'BR') {
        text = text.replace(/^\s+/, '');
      }
      if (isBlock(node.nextSibling)) text = text.replace(/\s+$/, '');
      // Whitespace just inside a block's edges shows nothing; keep the stored text tidy.
      if (!node.previousSibling && (parent === root || isBlock(parent))) text = text.replace(/^\s+/, '');
      if (!node.nextSibling && (parent === root || isBlock(parent))) text = text.replace(/\s+$/, '');
      if (text === '') node.remove();
      else if (text !== node.textContent) node.textContent = text;
    }
    const kids = Array.from(parent.childNodes);
    for (let i = 0; i + 1 < kids.length; i++) {
      const a = kids[i]!;
      const b = kids[i + 1]!;
      if (isBlock(a) || isBlock(b) || a.nodeName === 'BR') a.after(doc.createTextNode('\n'));
    }
    parent.normalize();
  };
  visit(root);
}
