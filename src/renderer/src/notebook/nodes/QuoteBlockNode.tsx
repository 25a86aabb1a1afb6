import type { DOMExportOutput, LexicalNode, NodeKey, SerializedLexicalNode, Spread } from 'lexical';
import { DecoratorNode } from 'lexical';
import type { JSX } from 'react';
import type { QuoteBlockData } from '@core/notebook/types';
import { QUOTE_NODE_TYPE } from '@core/common/vocabulary';
import { QuoteBlock } from './QuoteBlock';

/** A quote block as stored in the page's JSON (the core reads these fields for "quoted in" and Markdown). */
export type SerializedQuoteBlockNode = Spread<QuoteBlockData, SerializedLexicalNode>;

/**
 * A highlight quoted into a notebook page: a block holding a copy of the quote, its source's title and
 * note (so the page reads whole without the clip) and the ids that lead back to the passage.
 */
export class QuoteBlockNode extends DecoratorNode<JSX.Element> {
  __data: QuoteBlockData;

  static override getType(): string {
    return QUOTE_NODE_TYPE;
  }

  static override clone(node: QuoteBlockNode): QuoteBlockNode {
    return new QuoteBlockNode(node.__data, node.__key);
  }

  static override importJSON(json: Record<string, unknown>): QuoteBlockNode {
    const s = (v: unknown) => (typeof v === 'string' ? v : '');
    const [clipId, highlightId, quote, title, note] = [
      json['clipId'],
      json['highlightId'],
      json['quote'],
      json['title'],
      json['note'],
    ].map(s) as [string, string, string, string, string];
    const noteDoc = json['noteDoc'];
    return $createQuoteBlockNode({
      clipId,
      highlightId,
      quote,
      title,
      note,
      ...(noteDoc && typeof noteDoc === 'object' && !Array.isArray(noteDoc)
        ? { noteDoc: noteDoc as Record<string, unknown> }
        : {}),
    });
  }

  constructor(data: QuoteBlockData, key?: NodeKey) {
    super(key);
    this.__data = data;
  }

  override exportJSON(): SerializedQuoteBlockNode {
    return { ...super.exportJSON(), type: QUOTE_NODE_TYPE, version: 1, ...this.__data };
  }

  override exportDOM(): DOMExportOutput {
    const element = document.createElement('blockquote');
    element.textContent = `${this.__data.quote} — ${this.__data.title}`;
    return { element };
  }

  override createDOM(): HTMLElement {
    const div = document.createElement('div');
    div.className = 'quote-block-host';
    return div;
  }

  override updateDOM(): false {
    return false;
  }

  override getTextContent(): string {
    return `${this.__data.quote}\n`;
  }

  override isInline(): false {
    return false;
  }

  override decorate(): JSX.Element {
    return <QuoteBlock data={this.__data} />;
  }
}

/** A new quote block for a highlight. */
export function $createQuoteBlockNode(data: QuoteBlockData): QuoteBlockNode {
  return new QuoteBlockNode(data);
}

/** Whether a node is a quote block. */
export function $isQuoteBlockNode(node: LexicalNode | null | undefined): node is QuoteBlockNode {
  return node instanceof QuoteBlockNode;
}
