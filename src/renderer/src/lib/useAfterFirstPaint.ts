import { useLayoutEffect, useState } from 'react';

/**
 * False until the frame that first shows the component has been painted, then true: a part that can wait
 * (a side panel) is drawn after what the person came for (the article) is on screen.
 */
export function useAfterFirstPaint(): boolean {
  const [painted, setPainted] = useState(false);
  useLayoutEffect(() => {
    let timer = 0;
    // The next animation frame is the one that paints; a task queued from it runs once it has.
    const frame = requestAnimationFrame(() => {
      timer = window.setTimeout(() => setPainted(true), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      window.clearTimeout(timer);
    };
  }, []);
  return painted;
}
