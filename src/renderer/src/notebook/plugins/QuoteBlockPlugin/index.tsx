import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $insertNodeToNearestRoot, mergeRegister } from '@lexical/utils';
import type { LexicalCommand } from 'lexical';
import {
  $getNearestNodeFromDOMNode,
  $getSelection,
  $isParagraphNode,
  $isRangeSelection,
  COMMAND_PRIORITY_EDITOR,
  COMMAND_PRIORITY_HIGH,
  createCommand,
  DRAGOVER_COMMAND,
  DROP_COMMAND,
} from 'lexical';
import { useEffect, useState } from 'react';
import type { QuoteBlockData } from '@core/notebook/types';
import { HIGHLIGHT_DRAG_TYPE } from '../../../components/HighlightItem';
import { $createQuoteBlockNode, QuoteBlockNode } from '../../nodes/QuoteBlockNode';
import { QuotePicker } from './QuotePicker';
import '../../../styles/notebook.css';

/** Inserts a quote block at the selection (or at the end of the page). */
export const INSERT_QUOTE_BLOCK_COMMAND: LexicalCommand<QuoteBlockData> = createCommand('INSERT_QUOTE_BLOCK_COMMAND');

function parseDropped(event: DragEvent): QuoteBlockData | null {
  const raw = event.dataTransfer?.getData(HIGHLIGHT_DRAG_TYPE);
  if (!raw) return null;
  try {
    const d = JSON.parse(raw) as Partial<QuoteBlockData>;
    return typeof d.clipId === 'string' && typeof d.highlightId === 'string'
      ? {
          clipId: d.clipId,
          highlightId: d.highlightId,
          quote: String(d.quote ?? ''),
          title: String(d.title ?? ''),
          note: String(d.note ?? ''),
          ...(d.noteDoc && typeof d.noteDoc === 'object' ? { noteDoc: d.noteDoc } : {}),
        }
      : null;
  } catch {
    return null;
  }
}

/**
 * Quote blocks in a page: the insert command, a "Quote" button opening the highlight picker, and dropping
 * a highlight dragged from the reader's panel.
 */
export function QuoteBlockPlugin() {
  const [editor] = useLexicalComposerContext();
  const [picking, setPicking] = useState(false);

  useEffect(() => {
    if (!editor.hasNodes([QuoteBlockNode]))
      throw new Error('QuoteBlockPlugin: QuoteBlockNode is not registered on the editor');
    return mergeRegister(
      editor.registerCommand(
        INSERT_QUOTE_BLOCK_COMMAND,
        (data) => {
          const quote = $createQuoteBlockNode(data);
          const selection = $getSelection();
          const block = $isRangeSelection(selection) ? selection.anchor.getNode().getTopLevelElement() : null;
          if ($isParagraphNode(block) && block.getTextContentSize() === 0) {
            // On an empty line the quote goes before it, and the line stays below for writing on.
            block.insertBefore(quote);
            block.selectStart();
          } else {
            $insertNodeToNearestRoot(quote);
          }
          return true;
        },
        COMMAND_PRIORITY_EDITOR,
      ),
      editor.registerCommand(
        DRAGOVER_COMMAND,
        (event) => {
          if (!event.dataTransfer?.types.includes(HIGHLIGHT_DRAG_TYPE)) return false;
          event.preventDefault();
          return true;
        },
        COMMAND_PRIORITY_HIGH,
      ),
      editor.registerCommand(
        DROP_COMMAND,
        (event) => {
          const data = parseDropped(event);
          if (!data) return false;
          event.preventDefault();
          const target = event.target instanceof Node ? $getNearestNodeFromDOMNode(event.target) : null;
          if (target) target.selectEnd();
          else if (!$isRangeSelection($getSelection())) return true;
          return editor.dispatchCommand(INSERT_QUOTE_BLOCK_COMMAND, data);
        },
        COMMAND_PRIORITY_HIGH,
      ),
    );
  }, [editor]);

  return (
    <>
      <button
        type="button"
        className="format-button insert-quote"
        onMouseDown={(e) => e.preventDefault()}
        onClick={() => setPicking(true)}
      >
        ❝ Quote
      </button>
      {picking && (
        <QuotePicker
          onClose={() => {
            setPicking(false);
            editor.focus();
          }}
          onPick={(data) => {
            setPicking(false);
            editor.dispatchCommand(INSERT_QUOTE_BLOCK_COMMAND, data);
          }}
        />
      )}
    </>
  );
}
