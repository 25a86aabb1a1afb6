/** Which row a key moves to in a list of `count` rows, from row `at`; null when the key does not move. */
export function nextRow(key: string, at: number, count: number, pageRows = 10): number | null {
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
      return Math.min(last, at + pageRows);
    case 'PageUp':
      return Math.max(0, at - pageRows);
    default:
      return null;
  }
}
