import { createContext, useContext } from 'react';

/** Reports a failure to the person using the app: `what` says what failed, the error says why. */
export type ReportError = (what: string, error: unknown) => void;

export const ReportContext = createContext<ReportError>((what, error) => {
  console.error(what, error);
});

export function useReportError(): ReportError {
  return useContext(ReportContext);
}
