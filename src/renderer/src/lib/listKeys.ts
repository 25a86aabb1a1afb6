/**
 * Which row a key moves to in a list of `count` rows, from row `at`; null when the key does not move.
 * `pageRows` (rows a Page Up/Down moves) is asked only for those keys: it reads the layout.
 */
export function nextRow(key: string, at: number, count: number, pageRows: () => number = () => 10): number | null {
  if (count === 0) return null;
  const last = count - 1;
  switch (key) {
    case 'ArrowDown':
      return Math.min(last, at + 1);
    case 'ArrowUp':
      return Math.max(0, at - 1);
    case 'Home':
      return 0;
    case 'End':
      return last;
    case 'PageDown':
      return Math.min(last, at + pageRows());
    case 'PageUp':
      return Math.max(0, at - pageRows());
    default:
      return null;
  }
}
