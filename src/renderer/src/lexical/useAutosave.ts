import { useCallback, useEffect, useRef } from 'react';

/**
 * Debounced saving: `schedule(value)` saves `delayMs` after the last call; `flush()` saves a pending
 * value now (on blur or close). A pending value is also saved when the component goes away.
 */
export function useAutosave<T>(
  save: (value: T) => void,
  delayMs = 400,
): { schedule: (value: T) => void; flush: () => void } {
  const pending = useRef<{ value: T } | null>(null);
  const timer = useRef<number | null>(null);
  const saveRef = useRef(save);
  useEffect(() => {
    saveRef.current = save;
  }, [save]);

  const flush = useCallback(() => {
    if (timer.current !== null) window.clearTimeout(timer.current);
    timer.current = null;
    const p = pending.current;
    pending.current = null;
    if (p) saveRef.current(p.value);
  }, []);

  const schedule = useCallback(
    (value: T) => {
      pending.current = { value };
      if (timer.current !== null) window.clearTimeout(timer.current);
      timer.current = window.setTimeout(flush, delayMs);
    },
    [flush, delayMs],
  );

  useEffect(() => flush, [flush]);
  return { schedule, flush };
}
