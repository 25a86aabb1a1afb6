import { CheckListPlugin } from '@lexical/react/LexicalCheckListPlugin';
import { LexicalComposer } from '@lexical/react/LexicalComposer';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary';
import { HistoryPlugin } from '@lexical/react/LexicalHistoryPlugin';
import { LinkPlugin } from '@lexical/react/LexicalLinkPlugin';
import { ListPlugin } from '@lexical/react/LexicalListPlugin';
import { MarkdownShortcutPlugin } from '@lexical/react/LexicalMarkdownShortcutPlugin';
import { OnChangePlugin } from '@lexical/react/LexicalOnChangePlugin';
import { RichTextPlugin } from '@lexical/react/LexicalRichTextPlugin';
import type { EditorState } from 'lexical';
import { EditorRefPlugin } from '@lexical/react/LexicalEditorRefPlugin';
import type { LexicalEditor } from 'lexical';
import { useMemo, useRef, useState } from 'react';
import type { NotebookPage, PageSummary } from '@core/notebook/types';
import { FormatToolbar } from '../lexical/FormatToolbar';
import { PAGE_NODES, PAGE_TRANSFORMERS } from '../lexical/nodes';
import { richTheme } from '../lexical/theme';
import { useAutosave } from '../lexical/useAutosave';
import { useReportError } from '../lib/report';
import { QuoteBlockNode } from './nodes/QuoteBlockNode';
import { QuoteBlockPlugin } from './plugins/QuoteBlockPlugin';

/**
 * One notebook page: its title and a Lexical document (headings, lists, checklists, quotes, links,
 * quote blocks, Markdown shortcuts), saved 400 ms after typing stops. Keyed by page id by the caller. A new
 * page (`focusTitle`) opens with the cursor in its title; Enter in the title moves to the body.
 */
export function PageEditor({
  page,
  onSaved,
  focusTitle = false,
}: {
  page: NotebookPage;
  onSaved: (summary: PageSummary) => void;
  focusTitle?: boolean;
}) {
  const editorRef = useRef<LexicalEditor | null>(null);
  const report = useReportError();
  const [title, setTitle] = useState(page.title);
  const [doc, setDoc] = useState(page.doc);
  const [status, setStatus] = useState<'saved' | 'saving'>('saved');
  const initialConfig = useMemo(
    () => ({
      namespace: 'gloss-page',
      theme: richTheme,
      nodes: [...PAGE_NODES, QuoteBlockNode],
      editorState: JSON.stringify(page.doc),
      onError: (error: Error) => console.error(error),
    }),
    [page],
  );
  const { schedule, flush } = useAutosave((value: { title: string; doc: Record<string, unknown> }) => {
    window.gloss.savePage({ id: page.id, ...value }).then(
      (summary) => {
        setStatus('saved');
        onSaved(summary);
      },
      (e) => report('Couldn’t save the page', e),
    );
  });
  const change = (next: { title?: string; doc?: Record<string, unknown> }) => {
    setStatus('saving');
    schedule({ title: next.title ?? title, doc: next.doc ?? doc });
  };
  const onChange = (state: EditorState) => {
    const json = state.toJSON() as unknown as Record<string, unknown>;
    setDoc(json);
    change({ doc: json });
  };
  return (
    <div className="page-editor">
      <input
        className="page-title"
        aria-label="Page title"
        placeholder="Untitled page"
        value={title}
        onChange={(e) => {
          setTitle(e.target.value);
          change({ title: e.target.value });
        }}
        onBlur={flush}
        autoFocus={focusTitle}
        onKeyDown={(e) => {
          if (e.key !== 'Enter' || e.nativeEvent.isComposing) return;
          e.preventDefault();
          editorRef.current?.focus(undefined, { defaultSelection: 'rootStart' });
        }}
      />
      <p className="page-status muted" aria-live="polite">
        {status === 'saving' ? 'Saving…' : 'Saved'}
      </p>
      <LexicalComposer initialConfig={initialConfig}>
        <div className="page-toolbar">
          <FormatToolbar checklist />
          <QuoteBlockPlugin />
        </div>
        <div className="page-body">
          <RichTextPlugin
            contentEditable={
              <ContentEditable
                className="rt-editable page-editable"
                aria-label="Page"
                aria-placeholder="Write… (# heading, - list, [ ] checklist, > quote)"
                placeholder={
                  <div className="rt-placeholder page-placeholder">
                    Write… (# heading, - list, [ ] checklist, &gt; quote)
                  </div>
                }
                onBlur={flush}
              />
            }
            ErrorBoundary={LexicalErrorBoundary}
          />
        </div>
        <EditorRefPlugin editorRef={editorRef} />
        <HistoryPlugin />
        <ListPlugin />
        <CheckListPlugin />
        <LinkPlugin />
        <MarkdownShortcutPlugin transformers={PAGE_TRANSFORMERS} />
        <OnChangePlugin onChange={onChange} ignoreSelectionChange />
      </LexicalComposer>
    </div>
  );
}
