import { useEffect, useState } from 'react';
import type { Backlink } from '@core/notebook/types';
import { NotebookIcon } from '../components/Icons';

/** "Quoted in": the notebook pages that quote this clip, each a link to the page. */
export function QuotedIn({ clipId, onOpenPage }: { clipId: string; onOpenPage: (pageId: string) => void }) {
  const [links, setLinks] = useState<Backlink[]>([]);
  useEffect(() => {
    let live = true;
    window.gloss.getBacklinks(clipId).then(
      (l) => live && setLinks(l),
      () => live && setLinks([]),
    );
    return () => {
      live = false;
    };
  }, [clipId]);
  if (links.length === 0) return null;
  return (
    <div className="quoted-in">
      <span className="quoted-in-label">
        <NotebookIcon size={13} /> Quoted in
      </span>
      {links.map((l) => (
        <button key={l.pageId} type="button" className="quoted-in-link" onClick={() => onOpenPage(l.pageId)}>
          {l.pageTitle || 'Untitled page'}
        </button>
      ))}
    </div>
  );
}
