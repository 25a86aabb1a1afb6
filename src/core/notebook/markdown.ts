/**
 * The Markdown copy of a notebook page, written beside its Lexical JSON so a page can be read
 * without Gloss. Covers what the page editor makes: headings, paragraphs, quotes, lists and checklists,
 * code, links, bold/italic/strikethrough/inline code, and quote blocks (as a blockquote with its source).
 */
import type { LexicalNodeJson } from './lexicalJson';
import { quoteBlockData, rootChildren } from './lexicalJson';
import { QUOTE_NODE_TYPE, type QuoteBlockData } from './types';

/** How a page's Markdown is written beyond its text. */
export interface PageMarkdownOptions {
  /**
   * What follows "—" under a quote block: e.g. a link to the quoted passage in an export. `null` (or no
   * callback) writes the clip's title as the quote block stored it.
   */
  quoteSource?: (quote: QuoteBlockData) => string | null;
}

/** Lexical's text format bits. */
const BOLD = 1;
const ITALIC = 2;
const STRIKETHROUGH = 4;
const CODE = 16;

function escapeText(text: string): string {
  return text.replace(/([\\`*_[\]<>])/g, '\\$1');
}

function textRun(node: LexicalNodeJson): string {
  const text = String(node['text'] ?? '');
  const format = typeof node['format'] === 'number' ? node['format'] : 0;
  if (format & CODE) return '`' + text.replace(/`/g, 'ˋ') + '`';
  // Markdown emphasis cannot hold surrounding spaces: keep them outside the markers.
  const [, lead, core, trail] = /^(\s*)([\s\S]*?)(\s*)$/.exec(text)!;
  if (!core) return text;
  let out = escapeText(core);
  if (format & ITALIC) out = `*${out}*`;
  if (format & BOLD) out = `**${out}**`;
  if (format & STRIKETHROUGH) out = `~~${out}~~`;
  return lead + out + trail;
}

function inline(nodes: LexicalNodeJson[] = []): string {
  return nodes
    .map((n) => {
      if (n.type === 'text') return textRun(n);
      if (n.type === 'linebreak') return '  \n';
      if (n.type === 'link' || n.type === 'autolink')
        return `[${inline(n.children)}](${String(n['url'] ?? '').replace(/[()\s]/g, encodeURIComponent)})`;
      return inline(n.children);
    })
    .join('');
}

function list(node: LexicalNodeJson, depth: number): string[] {
  const kind = node['listType'];
  let n = typeof node['start'] === 'number' ? node['start'] : 1;
  const lines: string[] = [];
  for (const item of node.children ?? []) {
    const nested = (item.children ?? []).filter((c) => c.type === 'list');
    const own = (item.children ?? []).filter((c) => c.type !== 'list');
    if (own.length > 0 || nested.length === 0) {
      const marker = kind === 'number' ? `${n++}.` : kind === 'check' ? (item['checked'] ? '- [x]' : '- [ ]') : '-';
      lines.push(`${'  '.repeat(depth)}${marker} ${inline(own)}`);
    }
    for (const sub of nested) lines.push(...list(sub, depth + 1));
  }
  return lines;
}

function block(node: LexicalNodeJson, options: PageMarkdownOptions): string {
  switch (node.type) {
    case 'heading': {
      const level = Number(/^h([1-6])$/.exec(String(node['tag']))?.[1] ?? 1);
      return `${'#'.repeat(level)} ${inline(node.children)}`;
    }
    case 'quote':
      return inline(node.children)
        .split('\n')
        .map((l) => `> ${l}`)
        .join('\n');
    case 'list':
      return list(node, 0).join('\n');
    case 'code':
      return '```\n' + inline(node.children).replace(/ {2}\n/g, '\n') + '\n```';
    case QUOTE_NODE_TYPE: {
      const data = quoteBlockData(node);
      const quote = data.quote
        .split('\n')
        .map((l) => `> ${l}`)
        .join('\n');
      const note = quoteNote(data, options);
      const source = `> — ${options.quoteSource?.(data) ?? data.title}`;
      return [quote, source, ...(note ? [note] : [])].join('\n>\n');
    }
    default:
      return inline(node.children);
  }
}

/**
 * A quote block's note inside its blockquote: the rich text's blocks (bold, lists, links kept) when the
 * note has them, else the plain text; "Note:" leads.
 */
function quoteNote(data: QuoteBlockData, options: PageMarkdownOptions): string | null {
  const blocks = data.noteDoc
    ? rootChildren(data.noteDoc)
        .map((node) => block(node, options))
        .filter((b) => b.trim() !== '')
    : data.note
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean)
        .map(escapeText);
  if (blocks.length === 0) return null;
  const [first, ...rest] = blocks;
  const lead = /^(- |\d+\. |#|> )/.test(first!) ? ['Note:', first!] : [`Note: ${first!}`];
  return [...lead, ...rest]
    .join('\n\n')
    .split('\n')
    .map((l) => (l ? `> ${l}` : '>'))
    .join('\n');
}

/** The page as Markdown: `# title`, then one block per top-level node, blank lines between. */
export function pageMarkdown(title: string, doc: Record<string, unknown>, options: PageMarkdownOptions = {}): string {
  const blocks = rootChildren(doc)
    .map((node) => block(node, options))
    .filter((b) => b.trim() !== '');
  return [`# ${title || 'Untitled'}`, ...blocks].join('\n\n') + '\n';
}
