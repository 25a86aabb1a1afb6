import { useEffect, useState } from 'react';
import type { IndexStatus } from '@core/model';

/** How often the status is asked again while the index is being built. */
const POLL_MS = 500;

/**
 * The search index's status from the core (`getIndexStatus`): asked when the view opens, and again every
 * half second while the index is loading or being built in the background, until it is ready. Null until known.
 */
export function useIndexStatus(): IndexStatus | null {
  const [status, setStatus] = useState<IndexStatus | null>(null);
  useEffect(() => {
    let stopped = false;
    let timer = 0;
    const ask = () =>
      window.gloss.getIndexStatus().then(
        (next) => {
          if (stopped) return;
          setStatus(next);
          if (next.state !== 'ready') timer = window.setTimeout(ask, POLL_MS);
        },
        // The status is only a hint: search works without it.
        () => undefined,
      );
    void ask();
    return () => {
      stopped = true;
      window.clearTimeout(timer);
    };
  }, []);
  return status;
}
