import { useEffect, useState } from 'react';

/** A clip or notebook page the command palette offers to open. */
export interface FoundTitle {
  kind: 'article' | 'page';
  id: string;
  title: string;
}

const DEBOUNCE_MS = 60;
const LIMIT = 40;

/** The clips and notebook pages a search for `query` finds (each once), for the palette; empty for no query. */
export function useFoundTitles(query: string): FoundTitle[] {
  const [found, setFound] = useState<{ query: string; titles: FoundTitle[] }>({ query: '', titles: [] });
  const q = query.trim();
  useEffect(() => {
    if (!q) return;
    let live = true;
    const timer = window.setTimeout(() => {
      window.gloss.searchPage({ query: q, limit: LIMIT }).then(
        ({ results }) => {
          if (!live) return;
          const seen = new Set<string>();
          const titles: FoundTitle[] = [];
          for (const r of results) {
            // A highlight found stands for its clip.
            const kind = r.kind === 'page' ? 'page' : 'article';
            const key = `${kind}:${r.id}`;
            if (seen.has(key)) continue;
            seen.add(key);
            titles.push({ kind, id: r.id, title: r.title });
          }
          setFound({ query: q, titles });
        },
        () => live && setFound({ query: q, titles: [] }),
      );
    }, DEBOUNCE_MS);
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
  }, [q]);
  // While a new query is on its way, the last answer stays (no flicker as one types).
  return q ? found.titles : [];
}
