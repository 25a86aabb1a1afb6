import { useEffect, useMemo, useState } from 'react';
import type { HighlightListing } from '@core/api';
import type { QuoteBlockData } from '@core/notebook/types';
import { errorMessage } from '../../../lib/format';
import { Modal } from '../../../components/Modal';

function matches(l: HighlightListing, words: string[]): boolean {
  const hay =
    `${l.highlight.target.selector[0].exact} ${l.clipTitle} ${l.highlight.note} ${(l.highlight.tags ?? []).join(' ')}`.toLowerCase();
  return words.every((w) => hay.includes(w));
}

/** A dialog listing every highlight in the library, filtered as you type; choosing one inserts it. */
export function QuotePicker({ onPick, onClose }: { onPick: (data: QuoteBlockData) => void; onClose: () => void }) {
  const [all, setAll] = useState<HighlightListing[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [query, setQuery] = useState('');
  useEffect(() => {
    window.gloss.listHighlights().then(setAll, (e) => setError(errorMessage(e)));
  }, []);
  const shown = useMemo(() => {
    const words = query.toLowerCase().split(/\s+/).filter(Boolean);
    return (all ?? [])
      .filter((l) => matches(l, words))
      .sort((a, b) => b.highlight.createdAt.localeCompare(a.highlight.createdAt))
      .slice(0, 50);
  }, [all, query]);
  const pick = (l: HighlightListing) =>
    onPick({
      clipId: l.clipId,
      highlightId: l.highlight.id,
      quote: l.highlight.target.selector[0].exact,
      title: l.clipTitle,
      note: l.highlight.note,
      ...(l.highlight.noteDoc && { noteDoc: l.highlight.noteDoc }),
    });
  return (
    <Modal label="Insert a quote" className="quote-picker" onClose={onClose}>
      <input
        className="quote-picker-search"
        aria-label="Find a highlight"
        placeholder="Find a highlight by its words, source, note or tag…"
        autoFocus
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.preventDefault();
            e.stopPropagation();
            onClose();
          } else if (e.key === 'Enter' && shown[0]) {
            e.preventDefault();
            pick(shown[0]);
          }
        }}
      />
      {error && <p className="error-text">{error}</p>}
      <ul className="quote-picker-list" aria-label="Highlights">
        {shown.map((l) => (
          <li key={l.highlight.id}>
            <button type="button" onClick={() => pick(l)}>
              <span className="quote-picker-quote">{l.highlight.target.selector[0].exact}</span>
              <span className="quote-picker-source">{l.clipTitle}</span>
            </button>
          </li>
        ))}
        {all && shown.length === 0 && (
          <li className="muted">
            {all.length ? 'No highlight matches.' : 'No highlights yet: highlight passages in the reader first.'}
          </li>
        )}
      </ul>
    </Modal>
  );
}
