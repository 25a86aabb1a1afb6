import { useEffect, useRef } from 'react';
import { useSettingsContext } from './settingsContext';

const SAVE_DELAY_MS = 700;

/**
 * Remembers how far down a clip was read and returns there when it is opened again (also after a restart).
 * Skipped when the reader was asked to open at a particular place (a search result or a highlight).
 */
export function useReadPosition(clipId: string, scroller: HTMLElement | null, hasFocus: boolean): void {
  const { settings, update } = useSettingsContext();
  const saved = settings?.lastRead[clipId]?.fraction ?? null;
  const savedRef = useRef(saved);
  const restored = useRef(false);

  useEffect(() => {
    if (!scroller || restored.current || settings === null) return;
    restored.current = true;
    const fraction = savedRef.current ?? settings.lastRead[clipId]?.fraction ?? null;
    if (fraction === null || hasFocus) return;
    // After layout, so the article's height is known.
    requestAnimationFrame(() => {
      scroller.scrollTop = fraction * Math.max(0, scroller.scrollHeight - scroller.clientHeight);
    });
  }, [scroller, settings, clipId, hasFocus]);

  useEffect(() => {
    if (!scroller) return;
    let timer = 0;
    const save = () => {
      const room = scroller.scrollHeight - scroller.clientHeight;
      if (room <= 0) return;
      const fraction = Math.round((scroller.scrollTop / room) * 1000) / 1000;
      if (fraction === savedRef.current) return;
      savedRef.current = fraction;
      update({ lastRead: { [clipId]: Math.min(1, Math.max(0, fraction)) } });
    };
    const onScroll = () => {
      window.clearTimeout(timer);
      timer = window.setTimeout(save, SAVE_DELAY_MS);
    };
    scroller.addEventListener('scroll', onScroll, { passive: true });
    return () => {
      scroller.removeEventListener('scroll', onScroll);
      window.clearTimeout(timer);
    };
  }, [scroller, clipId, update]);
}
