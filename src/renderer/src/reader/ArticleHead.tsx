import { useState } from 'react';
import type { ClipMeta, ClipSummary, Taxonomy } from '@core/model';
import { ClipDetailsDialog } from '../components/ClipDetailsDialog';
import { ExternalIcon } from '../components/Icons';
import { formatDate, formatWords, hostOf, isWebUrl, readingTime } from '../lib/format';
import { ClipLabels } from './ClipLabels';
import { QuotedIn } from './QuotedIn';

/**
 * The head of a clipped article in the reader: site, title, byline, dates, length, the original link,
 * "Edit details" (with its dialog), the clip's labels and the notebook pages that quote it.
 */
export function ArticleHead({
  clipId,
  meta,
  taxonomy,
  onMetaSaved,
  onChanged,
  onOpenPage,
}: {
  clipId: string;
  meta: ClipMeta;
  taxonomy: Taxonomy | null;
  /** Called with the saved details from the "Edit details" dialog. */
  onMetaSaved: (clip: ClipSummary) => void;
  /** Called when the clip's labels or details change, so the library can refresh. */
  onChanged: () => void;
  /** Opens a notebook page (from "Quoted in"). */
  onOpenPage?: (pageId: string) => void;
}) {
  const [editingDetails, setEditingDetails] = useState(false);
  const site = meta.site ?? hostOf(meta.url);
  const date = meta.published ? formatDate(meta.published) : null;
  return (
    <header className="article-head">
      {site && <div className="article-site">{site}</div>}
      <h1 className="article-title">{meta.title}</h1>
      <div className="article-meta">
        {meta.byline && <span className="byline">{meta.byline}</span>}
        <span title={`Clipped ${formatDate(meta.clippedAt)}`}>{date ?? `Clipped ${formatDate(meta.clippedAt)}`}</span>
        <span>{formatWords(meta.words)}</span>
        {isWebUrl(meta.url) && <span>{readingTime(meta.words)}</span>}
        {/* The last detail and "Edit details" wrap together, so the button never sits alone on a line. */}
        <span className="meta-tail">
          {isWebUrl(meta.url) ? (
            <a className="original-link" href={meta.url} target="_blank" rel="noopener noreferrer">
              Open original <ExternalIcon size={13} />
            </a>
          ) : (
            <span>{readingTime(meta.words)}</span>
          )}
          <button type="button" className="edit-details" onClick={() => setEditingDetails(true)}>
            Edit details
          </button>
        </span>
      </div>
      {editingDetails && (
        <ClipDetailsDialog
          meta={meta}
          onClose={() => setEditingDetails(false)}
          onSaved={(clip) => {
            setEditingDetails(false);
            onMetaSaved(clip);
            onChanged();
          }}
        />
      )}
      <ClipLabels meta={meta} taxonomy={taxonomy} onChanged={onChanged} />
      {onOpenPage && <QuotedIn clipId={clipId} onOpenPage={onOpenPage} />}
    </header>
  );
}
