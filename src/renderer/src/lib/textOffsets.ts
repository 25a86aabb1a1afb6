/**
 * Character offsets over an element's text, as the core counts them: the concatenated data of the
 * element's Text nodes in document order (exactly `root.textContent`). Selectors index into that text.
 */

/** The Text nodes under `root`, in document order. */
export function textNodesUnder(root: Node): Text[] {
  const doc = root.ownerDocument ?? (root as Document);
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const nodes: Text[] = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n as Text);
  return nodes;
}

/** The offset in `root`'s text of the boundary point (node, offset), clamped to `root`. */
export function pointToOffset(root: Node, node: Node, offset: number): number {
  const doc = root.ownerDocument ?? (root as Document);
  const whole = doc.createRange();
  whole.selectNodeContents(root);
  // Points outside root clamp to its start or end.
  const where = whole.comparePoint(node, offset);
  if (where < 0) return 0;
  if (where > 0) return (root.textContent ?? '').length;
  const head = doc.createRange();
  head.setStart(root, 0);
  head.setEnd(node, offset);
  // Range stringification concatenates the Text data inside the range: the same counting as textContent.
  return head.toString().length;
}

/** The [start, end) offsets of `range` in `root`'s text, clamped to `root`. */
export function rangeToOffsets(root: Node, range: Range): { start: number; end: number } {
  const start = pointToOffset(root, range.startContainer, range.startOffset);
  const end = pointToOffset(root, range.endContainer, range.endOffset);
  return { start, end: Math.max(start, end) };
}

/**
 * A DOM Range over `root`'s text from `start` to `end`, or null when the offsets do not fit the text.
 * A start on a node boundary goes into the later node, an end into the earlier one, so ranges never
 * begin or end on an empty stretch.
 */
export function offsetsToRange(root: Node, start: number, end: number): Range | null {
  if (!(start >= 0) || !(end >= start)) return null;
  const nodes = textNodesUnder(root);
  let pos = 0;
  let startNode: Text | null = null;
  let startOffset = 0;
  let endNode: Text | null = null;
  let endOffset = 0;
  for (const node of nodes) {
    const len = node.data.length;
    const next = pos + len;
    if (!startNode && start < next) {
      startNode = node;
      startOffset = start - pos;
    }
    if (startNode && !endNode && end <= next) {
      endNode = node;
      endOffset = end - pos;
      break;
    }
    pos = next;
  }
  if (!startNode || !endNode) {
    // An empty range at the very end of the text.
    const last = nodes[nodes.length - 1];
    if (last && start === end && start === pos) {
      startNode = endNode = last;
      startOffset = endOffset = last.data.length;
    } else {
      return null;
    }
  }
  const doc = root.ownerDocument ?? (root as Document);
  const range = doc.createRange();
  range.setStart(startNode, startOffset);
  range.setEnd(endNode, endOffset);
  return range;
}

/** Narrows [start, end) so it neither begins nor ends with whitespace in `text`. */
export function trimOffsets(text: string, start: number, end: number): { start: number; end: number } {
  while (start < end && /\s/.test(text.charAt(start))) start++;
  while (end > start && /\s/.test(text.charAt(end - 1))) end--;
  return { start, end };
}
