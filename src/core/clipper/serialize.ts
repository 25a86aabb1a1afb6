/**
 * Serialising sanitised article DOM into the stored HTML, applying the article layout rules as it
 * goes: h1 becomes h2, wrappers that mean nothing are unwrapped, empty blocks are dropped, and
 * exactly one "\n" separates a block from its neighbours (and follows each <br>), so the text of
 * adjacent blocks never runs together. Doing this while serialising, rather than by mutating the
 * DOM, matters: jsdom inserts and removes children in time proportional to the sibling count,
 * which turns a long article into minutes of work. Every rule is a fixed point, because
 * sanitising must be idempotent.
 */
import { closestTag, hasDescendant, HEADINGS } from '../article/dom';

/** Elements that start a new line. */
const BLOCK = new Set([
  'ADDRESS',
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'CAPTION',
  'DD',
  'DIV',
  'DL',
  'DT',
  'FIGCAPTION',
  'FIGURE',
  ...HEADINGS,
  'HR',
  'LI',
  'OL',
  'P',
  'PRE',
  'SECTION',
  'TABLE',
  'TBODY',
  'TD',
  'TFOOT',
  'TH',
  'THEAD',
  'TR',
  'UL',
]);
const VOID = new Set(['IMG', 'BR', 'HR']);
/** Inline wrappers that carry nothing once their attributes are gone. */
const TRANSPARENT = new Set(['SPAN', 'MAIN', 'FONT', 'CENTER', 'SMALL', 'BIG', 'TIME', 'INS', 'DEL']);
/** Wrappers that may hold either blocks or phrasing content. */
const WRAPPER = new Set(['DIV', 'SECTION', 'ARTICLE']);
/** Elements that keep an otherwise empty element (it shows something). */
const KEEPS_BLANK = ['IMG', 'HR', 'BR', 'TABLE'];
/** Blocks whose content is a line of text: a wrapper inside one is never a paragraph of its own. */
const TEXT_BLOCK = new Set(['P', ...HEADINGS, 'PRE']);
/** Elements dropped when they hold no text and no image. */
const DROP_WHEN_EMPTY = new Set([
  'P',
  ...HEADINGS,
  'BLOCKQUOTE',
  'DIV',
  'SECTION',
  'ARTICLE',
  'FIGCAPTION',
  'FIGURE',
  'EM',
  'STRONG',
  'B',
  'I',
  'U',
  'S',
  'MARK',
  'A',
  'UL',
  'OL',
  'LI',
  'DL',
  'Q',
  'CITE',
  'ABBR',
  'SUB',
  'SUP',
  'CODE',
  'KBD',
  'CAPTION',
  'DT',
  'DD',
  'SPAN',
  'MAIN',
  'FONT',
  'CENTER',
  'SMALL',
  'BIG',
  'TIME',
  'INS',
  'DEL',
]);

type Item = { kind: 'text'; text: string } | { kind: 'el'; el: Element; tag: string };

/** Text escaped as the stored HTML writes it (quotes stay, no-break spaces are named). */
export function escapeText(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/\u00a0/g, '&nbsp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

/** Also escapes < and > (as current Chromium does), so no consumer can mistake a value for markup. */
function escapeAttr(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/\u00a0/g, '&nbsp;')
    .replace(/"/g, '&quot;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

export class ArticleSerializer {
  private readonly flat = new Map<Element, Item[]>();

  /** @param skip elements to leave out entirely (e.g. images without a usable source) */
  constructor(private readonly skip: ReadonlySet<Element> = new Set()) {}

  private isBlank(el: Element): boolean {
    return (el.textContent ?? '').trim() === '' && !hasDescendant(el, KEEPS_BLANK);
  }

  /** Whether `el` disappears, leaving its children in its place. */
  private isTransparent(el: Element): boolean {
    if (TRANSPARENT.has(el.tagName) || (el.tagName === 'A' && !el.hasAttribute('href'))) return true;
    return WRAPPER.has(el.tagName) && this.children(el).every((i) => i.kind === 'el' && BLOCK.has(i.tag));
  }

  /** The children of `el` as they will be written: transparent ones flattened, texts merged. */
  private children(el: Element): Item[] {
    const cached = this.flat.get(el);
    if (cached) return cached;
    const items: Item[] = [];
    const pushText = (text: string): void => {
      const last = items[items.length - 1];
      if (last?.kind === 'text') last.text += text;
      else items.push({ kind: 'text', text });
    };
    for (let node = el.firstChild; node; node = node.nextSibling) {
      if (node.nodeType === 3) pushText(node.nodeValue ?? '');
      if (node.nodeType !== 1) continue;
      const child = node as Element;
      if (this.skip.has(child) || (DROP_WHEN_EMPTY.has(child.tagName) && this.isBlank(child))) continue;
      if (this.isTransparent(child)) {
        for (const item of this.children(child)) {
          if (item.kind === 'text') pushText(item.text);
          else items.push(item);
        }
      } else {
        items.push({ kind: 'el', el: child, tag: this.tagFor(child, el) });
      }
    }
    this.flat.set(el, items);
    return items;
  }

  /** The tag an element is written as (an h1 is demoted, an inline-only wrapper is a paragraph). */
  private tagFor(el: Element, parent: Element): string {
    if (el.tagName === 'H1') return 'H2';
    if (WRAPPER.has(el.tagName) && !TEXT_BLOCK.has(parent.tagName) && !closestTag(el, TEXT_BLOCK)) {
      const hasBlock = this.children(el).some((i) => i.kind === 'el' && BLOCK.has(i.tag));
      if (!hasBlock && !hasDescendant(el, BLOCK)) return 'P';
    }
    return el.tagName;
  }

  private open(el: Element, tag: string): string {
    let out = '<' + tag.toLowerCase();
    for (const attr of Array.from(el.attributes)) out += ` ${attr.name}="${escapeAttr(attr.value)}"`;
    return out + '>';
  }

  private element(el: Element, tag: string, raw: boolean): string {
    if (VOID.has(tag)) return this.open(el, tag);
    const inner = raw || tag === 'PRE' ? this.raw(el) : this.inner(el, BLOCK.has(tag));
    return this.open(el, tag) + inner + `</${tag.toLowerCase()}>`;
  }

  /** Inside <pre>: whitespace is content, so it is written exactly as it is. */
  private raw(el: Element): string {
    return this.children(el)
      .map((i) => (i.kind === 'text' ? escapeText(i.text) : this.element(i.el, i.tag, true)))
      .join('');
  }

  /** Writes the children of `el` with the block separation rules. */
  inner(el: Element, isBlockContainer = true): string {
    const items = this.children(el);
    const parts: Array<{ html: string; block: boolean; br: boolean }> = [];
    items.forEach((item, i) => {
      if (item.kind === 'el') {
        parts.push({ html: this.element(item.el, item.tag, false), block: BLOCK.has(item.tag), br: item.tag === 'BR' });
        return;
      }
      const prev = items[i - 1];
      const next = items[i + 1];
      let text = item.text;
      const afterBreak = prev?.kind === 'el' && (BLOCK.has(prev.tag) || prev.tag === 'BR');
      if (afterBreak || (!prev && isBlockContainer)) text = text.replace(/^\s+/, '');
      if ((next?.kind === 'el' && BLOCK.has(next.tag)) || (!next && isBlockContainer)) text = text.replace(/\s+$/, '');
      if (text) parts.push({ html: escapeText(text), block: false, br: false });
    });
    let out = '';
    parts.forEach((part, i) => {
      const prev = parts[i - 1];
      if (prev && (prev.block || part.block || prev.br)) out += '\n';
      out += part.html;
    });
    return out;
  }
}
