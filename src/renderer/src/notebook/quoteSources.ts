import { createContext, useCallback, useContext, useEffect, useRef, useState } from 'react';
import type { QuoteSource } from '@core/trash/types';

/** What quote blocks ask of the notebook: where a quoted clip is now, and bringing one back from the trash. */
export interface QuoteSources {
  /** The source of clip `clipId`, or `null` while it loads (or when it could not be read). */
  source(clipId: string): QuoteSource | null;
  /** Restores a clip from the trash; quote blocks then show it as in the library. */
  restore(clipId: string): Promise<void>;
}

export const QuoteSourcesContext = createContext<QuoteSources>({ source: () => null, restore: async () => {} });

/** The source of a quoted clip, as the notebook knows it. */
export function useQuoteSource(clipId: string): QuoteSource | null {
  return useContext(QuoteSourcesContext).source(clipId);
}

/**
 * The notebook's quote sources: each clip is asked about once (`getQuoteSources`) when a block first needs
 * it, and again after a restore, so quote blocks show current notes and say when their source is in the
 * trash or gone.
 */
export function useQuoteSourcesProvider(onRestored: () => void): QuoteSources {
  const [sources, setSources] = useState<Record<string, QuoteSource>>({});
  const asked = useRef(new Set<string>());
  const [wanted, setWanted] = useState<string[]>([]);

  useEffect(() => {
    const ids = wanted.filter((id) => !asked.current.has(id));
    if (ids.length === 0) return;
    for (const id of ids) asked.current.add(id);
    window.gloss.getQuoteSources({ clipIds: ids }).then(
      (found) => setSources((s) => ({ ...s, ...Object.fromEntries(found.map((f) => [f.clipId, f])) })),
      () => {
        for (const id of ids) asked.current.delete(id);
      },
    );
  }, [wanted]);

  const source = useCallback(
    (clipId: string) => {
      const known = sources[clipId];
      if (!known && !asked.current.has(clipId))
        queueMicrotask(() => setWanted((w) => (w.includes(clipId) ? w : [...w, clipId])));
      return known ?? null;
    },
    [sources],
  );

  const restore = useCallback(
    async (clipId: string) => {
      await window.gloss.restoreClip(clipId);
      asked.current.delete(clipId);
      setSources(({ [clipId]: _gone, ...rest }) => rest);
      setWanted((w) => [...w.filter((id) => id !== clipId), clipId]);
      onRestored();
    },
    [onRestored],
  );

  return { source, restore };
}
