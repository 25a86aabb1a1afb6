import { useEffect, useState } from 'react';
import { useReportError } from './report';

/**
 * Loads a value through GlossApi once when the component mounts; a failure is reported as `failure`
 * (what could not be read). A reply that arrives after unmount is dropped. Returns the value (null until
 * it arrives) and its setter, for views that replace it later.
 */
export function useLoaded<T>(load: () => Promise<T>, failure: string) {
  const report = useReportError();
  const [value, setValue] = useState<T | null>(null);
  useEffect(() => {
    let live = true;
    load().then(
      (v) => live && setValue(v),
      (e) => live && report(failure, e),
    );
    return () => {
      live = false;
    };
    // `load` and `failure` are fixed for a component's life: loading again on each render is not wanted.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [report]);
  return [value, setValue] as const;
}
