import type { JobInfo } from '@core/jobs/types';
import { JobProgress } from './JobProgress';

/** The long jobs running and just finished, in a panel at the top right of the window. */
export function JobsPanel({
  jobs,
  onCancel,
  onDismiss,
  onOpenLibrary,
}: {
  jobs: JobInfo[];
  onCancel: (id: string) => void;
  onDismiss: (id: string) => void;
  onOpenLibrary: (job: JobInfo, path: string) => void;
}) {
  if (jobs.length === 0) return null;
  return (
    <section className="jobs-panel" aria-label="Jobs">
      {jobs.map((job) => (
        <JobProgress
          key={job.id}
          job={job}
          onCancel={() => onCancel(job.id)}
          onDismiss={() => onDismiss(job.id)}
          onOpenLibrary={(path) => onOpenLibrary(job, path)}
        />
      ))}
    </section>
  );
}
