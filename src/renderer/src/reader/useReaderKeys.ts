import { useEffect } from 'react';
import { isEditable } from '../lib/keys';
import { prefersReducedMotion } from '../lib/motion';

/**
 * Reading keys: j/k scroll down/up by a bit under a screen's third, n/p go to the next/previous highlight.
 * Ignored while typing or with modifier keys.
 */
export function useReaderKeys(scroller: HTMLElement | null, onStep: (direction: 1 | -1) => void): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.metaKey || e.ctrlKey || e.altKey || isEditable(e.target) || !scroller) return;
      const reduced = prefersReducedMotion();
      if (e.key === 'j' || e.key === 'k') {
        e.preventDefault();
        const step = Math.round(scroller.clientHeight * 0.3) * (e.key === 'j' ? 1 : -1);
        scroller.scrollBy({ top: step, behavior: reduced ? 'auto' : 'smooth' });
      } else if (e.key === 'n' || e.key === 'p') {
        e.preventDefault();
        onStep(e.key === 'n' ? 1 : -1);
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [scroller, onStep]);
}
