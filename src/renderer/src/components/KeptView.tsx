import type { ReactNode } from 'react';
import '../styles/keptView.css';

/**
 * A list view kept in the page while the reader is open over it (the view it was opened from), so going back
 * shows it at once: its rows, scroll place and layout are still there, nothing is drawn again. Hidden, it is
 * `inert` (no focus, no clicks) and skipped by style, layout and paint (`content-visibility: hidden`), which
 * also keeps it out of the accessibility tree.
 */
export function KeptView({ shown, children }: { shown: boolean; children: ReactNode }) {
  return <div className={shown ? 'kept-view' : 'kept-view kept-hidden'}>{children}</div>;
}
