/** Whether the person asked the system for less motion: scrolls then jump instead of gliding. */
export function prefersReducedMotion(): boolean {
  return window.matchMedia('(prefers-reduced-motion: reduce)').matches;
}
