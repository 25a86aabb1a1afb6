import { useContext, useState } from 'react';
import type { QuoteBlockData } from '@core/notebook/types';
import { useReportError } from '../../lib/report';
import { NoteView } from '../../notes/NoteView';
import { QuoteOpenContext } from '../quoteContext';
import { QuoteSourcesContext, useQuoteSource } from '../quoteSources';

/**
 * How a quote block looks in a page: the quote, its source and the highlight's note as rich text (the
 * highlight's current note when its clip is in the library, else the copy the page keeps). Clicking opens
 * the passage; a source in the trash offers Restore; a source gone for good is marked, its copy kept.
 */
export function QuoteBlock({ data }: { data: QuoteBlockData }) {
  const open = useContext(QuoteOpenContext);
  const { restore } = useContext(QuoteSourcesContext);
  const report = useReportError();
  const source = useQuoteSource(data.clipId);
  const [restoring, setRestoring] = useState(false);
  const live = source?.state === 'library' ? source.notes?.[data.highlightId] : undefined;
  const highlightGone = source?.state === 'library' && !live;
  const note = live ? { text: live.note, doc: live.noteDoc } : { text: data.note, doc: data.noteDoc };
  const openable = source?.state !== 'trash' && source?.state !== 'gone';
  const state =
    source?.state === 'library' ? (highlightGone ? 'highlight-gone' : 'library') : (source?.state ?? 'loading');
  const body = (
    <>
      <blockquote className="quote-block-text">{data.quote}</blockquote>
      <figcaption className="quote-block-source">— {source?.title || data.title || 'Untitled clip'}</figcaption>
    </>
  );
  return (
    <figure
      className="quote-block"
      data-clip-id={openable ? data.clipId : undefined}
      data-highlight-id={data.highlightId}
      data-source-state={state}
    >
      {source?.state === 'trash' && (
        <p className="quote-block-status" role="status">
          <span>The source of this quote is in the Trash.</span>
          <button
            type="button"
            className="button small"
            disabled={restoring}
            onClick={() => {
              setRestoring(true);
              restore(data.clipId).then(
                () => setRestoring(false),
                (e) => {
                  setRestoring(false);
                  report('Couldn’t restore the clip', e);
                },
              );
            }}
          >
            Restore
          </button>
        </p>
      )}
      {source?.state === 'gone' && (
        <p className="quote-block-status gone" role="status">
          Source deleted for good: this is the copy kept in the page.
        </p>
      )}
      {highlightGone && (
        <p className="quote-block-status gone" role="status">
          This highlight was deleted from its clip: this is the copy kept in the page.
        </p>
      )}
      {openable ? (
        <button
          type="button"
          className="quote-block-open"
          title="Open the passage in the reader"
          onClick={() => open(data.clipId, data.highlightId)}
        >
          {body}
        </button>
      ) : (
        <div className="quote-block-open static">{body}</div>
      )}
      {note.text.trim() && (
        <NoteView key={JSON.stringify(note)} className="quote-block-note" doc={note.doc} text={note.text} />
      )}
    </figure>
  );
}
