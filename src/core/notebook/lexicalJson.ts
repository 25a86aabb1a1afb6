/**
 * Reading Lexical editor-state JSON in the core, which has no DOM and no Lexical: a small walk over
 * the serialised node tree.
 */
import type { QuoteBlockData } from './types';
import { QUOTE_NODE_TYPE } from './types';

/** One serialised Lexical node: a `type`, maybe `children`, and node-specific fields. */
export interface LexicalNodeJson {
  type: string;
  children?: LexicalNodeJson[];
  [field: string]: unknown;
}

/** The root node's children of an editor state (`{ root: { children } }`), or none. */
export function rootChildren(doc: Record<string, unknown>): LexicalNodeJson[] {
  const root = doc['root'] as LexicalNodeJson | undefined;
  return Array.isArray(root?.children) ? root.children : [];
}

/** Every node of the tree, depth first. */
export function* walkNodes(nodes: LexicalNodeJson[]): Generator<LexicalNodeJson> {
  for (const node of nodes) {
    yield node;
    if (Array.isArray(node.children)) yield* walkNodes(node.children);
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** What a quote block node stores; a field that is missing or not text reads as empty. */
export function quoteBlockData(node: LexicalNodeJson): QuoteBlockData {
  const s = (k: string) => (typeof node[k] === 'string' ? (node[k] as string) : '');
  const noteDoc = node['noteDoc'];
  return {
    clipId: s('clipId'),
    highlightId: s('highlightId'),
    quote: s('quote'),
    title: s('title'),
    note: s('note'),
    ...(isObject(noteDoc) ? { noteDoc } : {}),
  };
}

/**
 * A copy of `doc` whose quote blocks of highlight `highlightId` carry `note` and `noteDoc` (removed when
 * absent); `null` when no block changed.
 */
export function withQuoteNote(
  doc: Record<string, unknown>,
  highlightId: string,
  note: string,
  noteDoc: Record<string, unknown> | undefined,
): Record<string, unknown> | null {
  const copy = structuredClone(doc);
  let changed = false;
  for (const node of walkNodes(rootChildren(copy))) {
    if (node.type !== QUOTE_NODE_TYPE || node['highlightId'] !== highlightId) continue;
    if (node['note'] === note && JSON.stringify(node['noteDoc']) === JSON.stringify(noteDoc)) continue;
    node['note'] = note;
    if (noteDoc) node['noteDoc'] = noteDoc;
    else delete node['noteDoc'];
    changed = true;
  }
  return changed ? copy : null;
}

/** The quote blocks of a document, in order. */
export function quoteBlocks(doc: Record<string, unknown>): QuoteBlockData[] {
  const found: QuoteBlockData[] = [];
  for (const node of walkNodes(rootChildren(doc))) {
    if (node.type !== QUOTE_NODE_TYPE) continue;
    const data = quoteBlockData(node);
    if (data.clipId) found.push(data);
  }
  return found;
}

/**
 * A page's plain text for search: its text runs (a paragraph, heading or list item a line) and its quote
 * blocks' quotes and notes.
 */
export function pagePlainText(doc: Record<string, unknown>): string {
  const lines: string[] = [];
  const visit = (nodes: LexicalNodeJson[]) => {
    let line = '';
    for (const node of nodes) {
      if (node.type === QUOTE_NODE_TYPE) {
        const { quote, note } = quoteBlockData(node);
        lines.push(...[quote, note].filter(Boolean));
      } else if (typeof node['text'] === 'string') line += node['text'];
      else if (node.type === 'linebreak') line += '\n';
      if (Array.isArray(node.children)) visit(node.children);
    }
    if (line) lines.push(line);
  };
  visit(rootChildren(doc));
  return lines.join('\n');
}
