/**
 * A PDF page's selectable text layer whose text is exactly the page's part of the stored article text.
 *
 * pdf.js's TextLayer places one transparent span per text item over the canvas. Gloss then lays the same
 * items out as the core did (`chromeForText` from core/common/pdfLayout) and makes the layer's text equal
 * to the stored page text: each span holds its item's characters as they are in the text, the spaces and
 * line breaks the layout put between items become small invisible spans, and items the core left out
 * (running headers and footers) are removed. The layer's `textContent` is then the page text, so text
 * offsets, highlights and selections work on it exactly as they do on a web article.
 */
import { TextLayer, type PageViewport, type PDFPageProxy } from 'pdfjs-dist';
import type { TextContent } from './pagePictures';
import { chromeForText, type PdfTextItem } from '@core/common/pdfLayout';

/** A built text layer: the element to show and whether it matches the stored text. */
export interface PageTextLayer {
  element: HTMLDivElement;
  /** False when the page's items do not lay out to the stored text (the layer then holds the text unplaced). */
  aligned: boolean;
  cancel(): void;
  /**
   * Fits the layer to a new zoom in place: its boxes follow the page's `--scale-factor` by themselves; this
   * measures the spans' widths again. The text nodes stay the same ones, so a selection in them is kept.
   */
  update(viewport: PageViewport): void;
}

/** An invisible span holding the text between two items, placed where the next item starts. */
function gapSpan(text: string, at: HTMLElement | undefined): HTMLSpanElement {
  const span = document.createElement('span');
  span.className = 'pdf-gap';
  span.textContent = text;
  if (at) {
    span.style.left = at.style.left;
    span.style.top = at.style.top;
  }
  return span;
}

/**
 * Builds the text layer of `page` at `viewport` for `pageText` (the page's stored text) into a new element.
 * Resolves once laid out; rejects if cancelled. `contentAhead`: the page's text content, if already asked for.
 */
export async function buildPageTextLayer(
  page: PDFPageProxy,
  viewport: PageViewport,
  pageText: string,
  signal: AbortSignal,
  contentAhead: Promise<TextContent> | null = null,
): Promise<PageTextLayer> {
  const element = document.createElement('div');
  element.className = 'textLayer pdf-text-layer';
  const content = await (contentAhead ?? page.getTextContent());
  if (signal.aborted) throw new DOMException('cancelled', 'AbortError');
  const items = content.items.filter((item): item is PdfTextItem & typeof item => 'str' in item);
  const layout = chromeForText(items, pageText);
  const layer = new TextLayer({ textContentSource: { ...content, items }, container: element, viewport });
  const cancel = () => layer.cancel();
  const update = (next: PageViewport) => layer.update({ viewport: next });
  signal.addEventListener('abort', cancel, { once: true });
  await layer.render();
  signal.removeEventListener('abort', cancel);
  if (!layout) {
    // The stored text was made some other way: keep it selectable, unplaced, so offsets still hold.
    element.replaceChildren(
      Object.assign(document.createElement('div'), { className: 'pdf-page-text', textContent: pageText }),
    );
    return { element, aligned: false, cancel, update };
  }
  const divs = layer.textDivs;
  const parts: Node[] = [];
  let at = 0;
  layout.items.forEach((place, i) => {
    const div = divs[i];
    if (!div || place.start < 0 || place.length === 0) return;
    if (place.start > at) parts.push(gapSpan(pageText.slice(at, place.start), div));
    div.textContent = pageText.slice(place.start, place.start + place.length);
    parts.push(div);
    at = place.start + place.length;
  });
  if (at < pageText.length) parts.push(gapSpan(pageText.slice(at), undefined));
  element.replaceChildren(...parts);
  return { element, aligned: true, cancel, update };
}
