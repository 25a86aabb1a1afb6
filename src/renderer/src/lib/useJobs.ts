import { useCallback, useEffect, useRef, useState } from 'react';
import type { JobInfo } from '@core/jobs/types';
import { jobRequestFor, type JobAction } from './jobActions';
import type { ReportError } from './report';

/** The title of the message when a job cannot start (a bad path, one already running…). */
const FAILED_TO_START: Record<JobAction['kind'], string> = {
  export: 'Couldn’t export',
  'export-highlights': 'Couldn’t export the highlights',
  import: 'Couldn’t import',
  backup: 'Couldn’t back up the library',
  restore: 'Couldn’t restore the backup',
  reindex: 'Couldn’t rebuild the search index',
  move: 'Couldn’t move the library',
};

/** How often the jobs are read again while one runs (the API has no push events). */
const POLL_MS = 250;

/**
 * The jobs the core runs, read again while any is running; `onFinished` hears of each job that ends
 * while the app watches (not of those already finished when it opened, e.g. after a reload).
 */
export function useJobs(report: ReportError, onFinished: (job: JobInfo) => void) {
  const [jobs, setJobs] = useState<JobInfo[]>([]);
  const handled = useRef<Set<string> | null>(null);
  const finishedRef = useRef(onFinished);
  useEffect(() => {
    finishedRef.current = onFinished;
  });

  const refresh = useCallback(async () => {
    let list: JobInfo[];
    try {
      list = await window.gloss.listJobs();
    } catch (e) {
      return report('Couldn’t read the progress of the running jobs', e);
    }
    const first = handled.current === null;
    const seen = (handled.current ??= new Set());
    setJobs(list);
    for (const job of list) {
      if (job.state === 'running' || seen.has(job.id)) continue;
      seen.add(job.id);
      if (!first) finishedRef.current(job);
    }
  }, [report]);

  useEffect(() => {
    // Jobs may be running already (started before a reload, or from the menu): read them once at start.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    void refresh();
  }, [refresh]);

  const running = jobs.some((j) => j.state === 'running');
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => void refresh(), POLL_MS);
    return () => clearInterval(timer);
  }, [running, refresh]);

  const runJob = useCallback(
    async (action: JobAction) => {
      try {
        const request = await jobRequestFor(action);
        if (!request) return;
        await window.gloss.startJob(request);
      } catch (e) {
        report(FAILED_TO_START[action.kind], e);
      }
      await refresh();
    },
    [refresh, report],
  );

  const cancel = useCallback(
    (id: string) => void window.gloss.cancelJob(id).then(refresh, (e) => report('Couldn’t cancel', e)),
    [refresh, report],
  );
  const dismiss = useCallback(
    (id: string) => void window.gloss.dismissJob(id).then(refresh, (e) => report('Couldn’t close that', e)),
    [refresh, report],
  );

  return { jobs, runJob, cancel, dismiss };
}
