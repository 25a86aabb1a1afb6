import type { KeyboardEvent } from 'react';
import { useState } from 'react';
import type { LibraryFilter } from '../components/LibraryFilters';
import { LibraryFilters, passes } from '../components/LibraryFilters';
import type { ClipSummary } from '@core/model';
import { DocIcon, HighlighterIcon, PlusIcon, Spinner, WarningIcon } from '../components/Icons';
import { formatDate, formatWords, hostOf, plural, readingTime } from '../lib/format';
import { useJobsContext } from '../lib/jobsContext';

function newestFirst(a: ClipSummary, b: ClipSummary): number {
  return b.clippedAt.localeCompare(a.clippedAt);
}

function ClipRow({ clip, onOpen }: { clip: ClipSummary; onOpen: (id: string) => void }) {
  const site = clip.site ?? hostOf(clip.url);
  const date = clip.published ? formatDate(clip.published) : `Clipped ${formatDate(clip.clippedAt)}`;
  return (
    <li>
      <button type="button" className="clip-row" onClick={() => onOpen(clip.id)} data-clip-id={clip.id}>
        <span className="clip-title">{clip.title}</span>
        {clip.excerpt && <span className="clip-excerpt">{clip.excerpt}</span>}
        <span className="clip-meta">
          {site && <span className="clip-site">{site}</span>}
          <span>{date}</span>
          <span>{formatWords(clip.words)}</span>
          <span>{readingTime(clip.words)}</span>
          {clip.highlightCount > 0 && (
            <span className="clip-highlights" title={plural(clip.highlightCount, 'highlight')}>
              <HighlighterIcon size={13} />
              {plural(clip.highlightCount, 'highlight')}
            </span>
          )}
        </span>
      </button>
    </li>
  );
}

/** Up/Down move between rows, Home/End to the first/last. */
function moveFocus(event: KeyboardEvent<HTMLUListElement>) {
  const rows = [...event.currentTarget.querySelectorAll<HTMLButtonElement>('.clip-row')];
  const at = rows.indexOf(document.activeElement as HTMLButtonElement);
  const next =
    event.key === 'ArrowDown'
      ? at + 1
      : event.key === 'ArrowUp'
        ? at - 1
        : event.key === 'Home'
          ? 0
          : event.key === 'End'
            ? rows.length - 1
            : null;
  if (next === null || at < 0) return;
  event.preventDefault();
  rows[Math.max(0, Math.min(rows.length - 1, next))]?.focus();
}

/** The library: every clip, newest first. */
export function LibraryView({
  clips,
  error,
  onOpen,
  onClip,
  onRetry,
}: {
  clips: ClipSummary[] | null;
  error: string | null;
  onOpen: (id: string) => void;
  onClip: () => void;
  onRetry: () => void;
}) {
  const [filter, setFilter] = useState<LibraryFilter | null>(null);
  const { runJob } = useJobsContext();
  return (
    <div className="page library">
      <header className="page-head">
        <h1>Library</h1>
        {clips && clips.length > 0 && <span className="page-count">{plural(clips.length, 'clip')}</span>}
      </header>
      {error ? (
        <div className="empty-state">
          <WarningIcon size={28} />
          <h2>The library couldn’t be loaded</h2>
          <p className="error-text">{error}</p>
          <button type="button" className="button" onClick={onRetry}>
            Try again
          </button>
        </div>
      ) : clips === null ? (
        <div className="loading" aria-busy="true">
          <Spinner /> Loading your library…
        </div>
      ) : clips.length === 0 ? (
        <div className="empty-state">
          <DocIcon size={32} />
          <h2>Your library is empty</h2>
          <p>
            Press <strong>Clip</strong> and paste the text of an article, or give it a web address. You can also drop
            saved pages (.html), Markdown or text files, or links onto this window. Gloss keeps a clean, readable copy
            you can highlight and search, stored as plain files on this computer.
          </p>
          <button type="button" className="button primary" onClick={onClip}>
            <PlusIcon /> Clip something
          </button>
        </div>
      ) : (
        <>
          <LibraryFilters clips={clips} filter={filter} onChange={setFilter} />
          {filter?.kind === 'collection' && (
            <div className="collection-actions">
              <button
                type="button"
                className="button small"
                onClick={() => runJob({ kind: 'export', collection: filter.name })}
              >
                Export “{filter.name}” as Markdown…
              </button>
            </div>
          )}
          <ul className="clip-list" aria-label="Clips" onKeyDown={moveFocus}>
            {clips
              .filter((c) => passes(c, filter))
              .sort(newestFirst)
              .map((clip) => (
                <ClipRow key={clip.id} clip={clip} onOpen={onOpen} />
              ))}
          </ul>
        </>
      )}
    </div>
  );
}
