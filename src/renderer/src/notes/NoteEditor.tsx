import { LexicalComposer } from '@lexical/react/LexicalComposer';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary';
import { AutoFocusPlugin } from '@lexical/react/LexicalAutoFocusPlugin';
import { HistoryPlugin } from '@lexical/react/LexicalHistoryPlugin';
import { LinkPlugin } from '@lexical/react/LexicalLinkPlugin';
import { ListPlugin } from '@lexical/react/LexicalListPlugin';
import { MarkdownShortcutPlugin } from '@lexical/react/LexicalMarkdownShortcutPlugin';
import { OnChangePlugin } from '@lexical/react/LexicalOnChangePlugin';
import { RichTextPlugin } from '@lexical/react/LexicalRichTextPlugin';
import { $getRoot } from 'lexical';
import type { EditorState } from 'lexical';
import { useMemo } from 'react';
import { FormatToolbar } from '../lexical/FormatToolbar';
import { initialEditorState } from '../lexical/initialState';
import { NOTE_NODES, NOTE_TRANSFORMERS } from '../lexical/nodes';
import { richTheme } from '../lexical/theme';
import { useAutosave } from '../lexical/useAutosave';

/** A note as saved: its plain text (for search and the CLI) and its Lexical JSON. */
export interface NoteValue {
  note: string;
  noteDoc: Record<string, unknown> | null;
}

/**
 * A highlight's note in a rich-text editor (bold, italic, inline code, lists, links, Markdown shortcuts),
 * saved automatically 400 ms after typing stops and when the editor closes. Escape closes it.
 */
export function NoteEditor({
  doc,
  text,
  onSave,
  onClose,
}: {
  doc: Record<string, unknown> | undefined;
  text: string;
  onSave: (value: NoteValue) => void;
  onClose: () => void;
}) {
  const initialConfig = useMemo(
    () => ({
      namespace: 'gloss-note',
      theme: richTheme,
      nodes: NOTE_NODES,
      editorState: initialEditorState(doc, text),
      onError: (error: Error) => console.error(error),
    }),
    // The editor is set up once; later saves flow out of it, not into it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [],
  );
  const { schedule, flush } = useAutosave(onSave);

  const onChange = (state: EditorState) => {
    const note = state.read(() => $getRoot().getTextContent()).trim();
    schedule({ note, noteDoc: note ? (state.toJSON() as unknown as Record<string, unknown>) : null });
  };

  return (
    <div
      className="note-editor rich"
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          e.stopPropagation();
          flush();
          onClose();
        }
      }}
    >
      <LexicalComposer initialConfig={initialConfig}>
        <FormatToolbar />
        {/* The body frames the editable and its placeholder, which is placed over the first line. */}
        <div className="note-editor-body">
          <RichTextPlugin
            contentEditable={
              <ContentEditable
                className="rt-editable"
                aria-label="Note"
                aria-placeholder="Write a note… (- list, **bold**)"
                placeholder={<div className="rt-placeholder">Write a note… (- list, **bold**)</div>}
              />
            }
            ErrorBoundary={LexicalErrorBoundary}
          />
        </div>
        {/* Opening the editor ("Add note", "Edit note") puts the cursor at the end of the note. */}
        <AutoFocusPlugin defaultSelection="rootEnd" />
        <HistoryPlugin />
        <ListPlugin />
        <LinkPlugin />
        <MarkdownShortcutPlugin transformers={NOTE_TRANSFORMERS} />
        <OnChangePlugin onChange={onChange} ignoreSelectionChange />
      </LexicalComposer>
      <div className="note-editor-foot">
        <span className="muted">Saved as you type</span>
        <button
          type="button"
          className="button small"
          onClick={() => {
            flush();
            onClose();
          }}
        >
          Done
        </button>
      </div>
    </div>
  );
}
