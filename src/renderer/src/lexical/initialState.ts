import { $createParagraphNode, $createTextNode, $getRoot } from 'lexical';
import type { InitialEditorStateType } from '@lexical/react/LexicalComposer';

/**
 * The editor's starting content: the stored Lexical JSON when there is one, else the plain text as
 * paragraphs (notes written before rich text, or by the CLI).
 */
export function initialEditorState(doc: Record<string, unknown> | undefined, text: string): InitialEditorStateType {
  if (doc) return JSON.stringify(doc);
  return () => {
    const root = $getRoot();
    for (const line of text.split('\n')) {
      const p = $createParagraphNode();
      if (line) p.append($createTextNode(line));
      root.append(p);
    }
  };
}
