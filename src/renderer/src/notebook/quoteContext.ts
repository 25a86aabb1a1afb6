import { createContext } from 'react';

/** How a quote block opens its passage: the reader at that highlight. Provided by the notebook view. */
export const QuoteOpenContext = createContext<(clipId: string, highlightId: string) => void>(() => undefined);
