import { useEffect, useState } from 'react';

/** A thin bar showing how far through the article the reader has scrolled. */
export function ReadingProgress({ scroller }: { scroller: HTMLElement | null }) {
  const [fraction, setFraction] = useState(0);
  useEffect(() => {
    if (!scroller) return;
    const update = () => {
      const room = scroller.scrollHeight - scroller.clientHeight;
      setFraction(room > 0 ? Math.min(1, scroller.scrollTop / room) : 1);
    };
    // Measured in the next frame, with the layout it paints (not forced early, while the reader is still drawing).
    const frame = requestAnimationFrame(update);
    scroller.addEventListener('scroll', update, { passive: true });
    window.addEventListener('resize', update);
    return () => {
      cancelAnimationFrame(frame);
      scroller.removeEventListener('scroll', update);
      window.removeEventListener('resize', update);
    };
  }, [scroller]);
  const percent = Math.round(fraction * 100);
  return (
    <div
      className="reading-progress"
      role="progressbar"
      aria-label="Reading progress"
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={percent}
    >
      <div className="reading-progress-bar" style={{ transform: `scaleX(${fraction})` }} />
    </div>
  );
}
