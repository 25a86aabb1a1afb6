import { TOGGLE_LINK_COMMAND } from '@lexical/link';
import { INSERT_CHECK_LIST_COMMAND, INSERT_ORDERED_LIST_COMMAND, INSERT_UNORDERED_LIST_COMMAND } from '@lexical/list';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { FORMAT_TEXT_COMMAND } from 'lexical';
import type { LexicalEditor } from 'lexical';
import { useState } from 'react';

interface FormatButton {
  label: string;
  text: string;
  className?: string;
  run: (editor: LexicalEditor) => void;
}

const INLINE: FormatButton[] = [
  {
    label: 'Bold (Ctrl+B)',
    text: 'B',
    className: 'rt-bold',
    run: (e) => e.dispatchCommand(FORMAT_TEXT_COMMAND, 'bold'),
  },
  {
    label: 'Italic (Ctrl+I)',
    text: 'I',
    className: 'rt-italic',
    run: (e) => e.dispatchCommand(FORMAT_TEXT_COMMAND, 'italic'),
  },
  { label: 'Inline code', text: '</>', run: (e) => e.dispatchCommand(FORMAT_TEXT_COMMAND, 'code') },
  { label: 'Bulleted list', text: '•', run: (e) => e.dispatchCommand(INSERT_UNORDERED_LIST_COMMAND, undefined) },
  { label: 'Numbered list', text: '1.', run: (e) => e.dispatchCommand(INSERT_ORDERED_LIST_COMMAND, undefined) },
];

const CHECKLIST: FormatButton = {
  label: 'Checklist',
  text: '☑',
  run: (e) => e.dispatchCommand(INSERT_CHECK_LIST_COMMAND, undefined),
};

/** Formatting buttons for a Lexical editor; pressing them never takes focus from the text. */
export function FormatToolbar({ checklist = false }: { checklist?: boolean }) {
  const [editor] = useLexicalComposerContext();
  const [linking, setLinking] = useState(false);
  const buttons = checklist ? [...INLINE, CHECKLIST] : INLINE;
  return (
    <div className="format-toolbar" role="toolbar" aria-label="Formatting">
      {buttons.map((b) => (
        <button
          key={b.label}
          type="button"
          className={`format-button ${b.className ?? ''}`}
          aria-label={b.label}
          title={b.label}
          onMouseDown={(e) => e.preventDefault()}
          onClick={() => b.run(editor)}
        >
          {b.text}
        </button>
      ))}
      {linking ? (
        <input
          className="link-input"
          aria-label="Link address"
          placeholder="https://… (Enter)"
          autoFocus
          onBlur={() => setLinking(false)}
          onKeyDown={(e) => {
            if (e.key === 'Escape' || e.key === 'Enter') {
              e.preventDefault();
              e.stopPropagation();
              const url = e.currentTarget.value.trim();
              setLinking(false);
              if (e.key === 'Enter') editor.dispatchCommand(TOGGLE_LINK_COMMAND, url || null);
              editor.focus();
            }
          }}
        />
      ) : (
        <button
          type="button"
          className="format-button"
          aria-label="Link"
          title="Link"
          onMouseDown={(e) => e.preventDefault()}
          onClick={() => setLinking(true)}
        >
          Link
        </button>
      )}
    </div>
  );
}
