import { LexicalComposer } from '@lexical/react/LexicalComposer';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary';
import { RichTextPlugin } from '@lexical/react/LexicalRichTextPlugin';
import { initialEditorState } from '../lexical/initialState';
import { NOTE_NODES } from '../lexical/nodes';
import { richTheme } from '../lexical/theme';

/**
 * A note shown as it was written (rich text, read-only). Keyed by the note's last change by the caller,
 * so a saved edit shows at once.
 */
export function NoteView({
  doc,
  text,
  onEdit,
  className = 'hl-note',
}: {
  doc: Record<string, unknown> | undefined;
  text: string;
  onEdit?: () => void;
  /** The frame's class (the reader's panel by default). */
  className?: string;
}) {
  const initialConfig = {
    namespace: 'gloss-note-view',
    theme: richTheme,
    nodes: NOTE_NODES,
    editable: false,
    editorState: initialEditorState(doc, text),
    onError: (error: Error) => console.error(error),
  };
  return (
    <div className={`${className} rich`} onDoubleClick={onEdit}>
      <LexicalComposer initialConfig={initialConfig}>
        <RichTextPlugin
          contentEditable={<ContentEditable className="rt-readonly" />}
          ErrorBoundary={LexicalErrorBoundary}
        />
      </LexicalComposer>
    </div>
  );
}
