import { createContext, useContext } from 'react';

/** What to cite: some clips, a collection, or every clip (`all`); `label` names it in the dialog ("3 clips", "Thesis"). */
export interface CiteTarget {
  all?: boolean;
  clipIds?: string[];
  collection?: string;
  label: string;
}

/** Opens the citation export dialog (provided by the window). */
export const CiteContext = createContext<(target: CiteTarget) => void>(() => {});

/** The window's citation export. */
export function useCite(): (target: CiteTarget) => void {
  return useContext(CiteContext);
}
