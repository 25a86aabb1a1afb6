import { useContext } from 'react';
import type { QuoteBlockData } from '@core/notebook/types';
import { QuoteOpenContext } from '../quoteContext';

/** How a quote block looks in a page: the quote, its source and note; clicking opens the passage. */
export function QuoteBlock({ data }: { data: QuoteBlockData }) {
  const open = useContext(QuoteOpenContext);
  return (
    <figure className="quote-block" data-clip-id={data.clipId} data-highlight-id={data.highlightId}>
      <button
        type="button"
        className="quote-block-open"
        title="Open the passage in the reader"
        onClick={() => open(data.clipId, data.highlightId)}
      >
        <blockquote className="quote-block-text">{data.quote}</blockquote>
        <figcaption className="quote-block-source">— {data.title || 'Untitled clip'}</figcaption>
      </button>
      {data.note && <p className="quote-block-note">{data.note}</p>}
    </figure>
  );
}
