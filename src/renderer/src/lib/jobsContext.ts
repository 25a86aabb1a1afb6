import { createContext, useContext } from 'react';
import type { JobAction } from './jobActions';

/** Starting long work from anywhere (Settings, the palette, the library's collections). */
export interface JobsState {
  /** Chooses the paths the action needs, then starts it; its progress shows in the jobs panel. */
  runJob(action: JobAction): void;
}

export const JobsContext = createContext<JobsState>({ runJob: () => {} });

export function useJobsContext(): JobsState {
  return useContext(JobsContext);
}
