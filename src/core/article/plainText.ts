import { hasDescendant, HEADINGS, parseBodyDocument } from './dom';

const BLOCKS = new Set(['P', ...HEADINGS, 'LI', 'BLOCKQUOTE', 'PRE', 'FIGCAPTION', 'TR', 'DT', 'DD', 'CAPTION', 'HR']);

function inlineText(element: Element): string {
  return (element.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/**
 * Renders article HTML as readable plain text: one block (heading, paragraph, list item, caption, row…)
 * per paragraph, separated by blank lines; list items start with "- ", preformatted text is kept as is.
 * This is for people (CLI `show`, exports), not for anchoring: selectors use `articleText`.
 */
export function articlePlainText(html: string): string {
  const document = parseBodyDocument(html);
  const blocks: string[] = [];
  const walk = (element: Element): void => {
    for (const child of Array.from(element.children)) {
      if (!BLOCKS.has(child.tagName)) {
        walk(child);
        continue;
      }
      if (child.tagName === 'PRE') blocks.push((child.textContent ?? '').replace(/\n+$/, ''));
      else if (child.tagName === 'LI') {
        const own = child.cloneNode(true) as Element;
        for (const nested of [...own.getElementsByTagName('ul'), ...own.getElementsByTagName('ol')]) nested.remove();
        blocks.push(`- ${inlineText(own)}`);
        for (const list of Array.from(child.children)) if (list.tagName === 'UL' || list.tagName === 'OL') walk(list);
      } else if (child.tagName === 'TR') {
        blocks.push(Array.from(child.children, (cell) => inlineText(cell)).join(' | '));
      } else if (child.tagName === 'BLOCKQUOTE' && hasDescendant(child, ['P', 'LI', ...HEADINGS])) walk(child);
      else if (child.tagName !== 'HR') blocks.push(inlineText(child));
    }
  };
  walk(document.body);
  // Text outside any block (a bare text node at the top level) still counts.
  if (blocks.length === 0) {
    const all = inlineText(document.body);
    if (all) blocks.push(all);
  }
  return blocks.filter((block) => block.length > 0).join('\n\n') + '\n';
}
