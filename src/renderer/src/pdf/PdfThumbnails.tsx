/**
 * The PDF's pages as small pictures (the reader bar's Pages): a thumbnail is drawn only once it scrolls
 * near the list's view, and a click goes to its page. The list lives only while it is open, so its
 * pictures' memory goes with it.
 */
import { memo, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { PDFDocumentProxy } from 'pdfjs-dist';
import type { PageSize } from '@core/common/pdfPageGeometry';
import { drawPage, type PagePicture } from './pagePictures';

/** A thumbnail's width in CSS pixels. */
const THUMB_WIDTH = 120;

interface Props {
  pdf: PDFDocumentProxy;
  sizes: readonly PageSize[];
  /** The page in view (0-based), marked and scrolled to when the list opens. */
  current: number;
  onGo: (page: number) => void;
}

export function PdfThumbnails({ pdf, sizes, current, onGo }: Props) {
  const listRef = useRef<HTMLUListElement>(null);
  const [seen, setSeen] = useState<ReadonlySet<number>>(() => new Set());

  useLayoutEffect(() => {
    listRef.current?.querySelector(`[data-page="${current + 1}"]`)?.scrollIntoView({ block: 'nearest' });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, as the list opens
  }, []);

  // Thumbnails near the list's view are drawn (and kept while the list is open).
  useEffect(() => {
    const list = listRef.current;
    if (!list) return;
    const observer = new IntersectionObserver(
      (entries) => {
        const near = entries
          .filter((e) => e.isIntersecting)
          .map((e) => Number((e.target as HTMLElement).dataset['page']) - 1);
        if (near.length) setSeen((prev) => new Set([...prev, ...near]));
      },
      { root: list, rootMargin: '50% 0px' },
    );
    for (const item of list.querySelectorAll('li')) observer.observe(item);
    return () => observer.disconnect();
  }, [sizes.length]);

  return (
    <ul className="pdf-thumbs" aria-label="Pages" ref={listRef}>
      {sizes.map((size, i) => (
        <li key={i} data-page={i + 1}>
          <button type="button" aria-current={i === current ? 'page' : undefined} onClick={() => onGo(i)}>
            <Thumbnail pdf={pdf} index={i} size={size} draw={seen.has(i)} />
            <span className="pdf-thumb-number">{i + 1}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}

const Thumbnail = memo(function Thumbnail({
  pdf,
  index,
  size,
  draw,
}: {
  pdf: PDFDocumentProxy;
  index: number;
  size: PageSize;
  draw: boolean;
}) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const scale = THUMB_WIDTH / size.width;

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!draw || !canvas) return;
    let live = true;
    let picture: PagePicture | null = null;
    void (async () => {
      const page = await pdf.getPage(index + 1);
      if (!live) return;
      picture = drawPage(page, scale);
      const drawn = await picture.canvas;
      if (!live) return;
      canvas.width = drawn.width;
      canvas.height = drawn.height;
      canvas.getContext('2d')?.drawImage(drawn, 0, 0);
      drawn.width = drawn.height = 0;
    })().catch(() => undefined);
    return () => {
      live = false;
      picture?.cancel();
    };
  }, [pdf, index, scale, draw]);

  return (
    <canvas
      ref={canvasRef}
      className="pdf-thumb"
      aria-label={`Page ${index + 1}`}
      role="img"
      style={{ width: THUMB_WIDTH, height: Math.round(size.height * scale) }}
    />
  );
});
