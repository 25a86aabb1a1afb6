/**
 * One page of a PDF clip: a box of the page's size holding, while the page is near the view, its canvas
 * and its text layer (pageTextLayer.ts); otherwise only the page's stored text, unseen, so that the article's
 * text (which offsets index into) is whole whichever pages are drawn. Zooming draws the canvas again but
 * keeps the text layer's nodes (refitted in place), so a selection and painted highlights stay put.
 */
import { memo, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { PDFDocumentProxy, PDFPageProxy } from 'pdfjs-dist';
import type { PageSize } from '@core/common/pdfPageGeometry';
import { buildPageTextLayer, type PageTextLayer } from './pageTextLayer';
import { drawPage, takePictureAhead, takeTextAhead, type PagePicture } from './pagePictures';

interface Props {
  pdf: PDFDocumentProxy | null;
  index: number;
  scale: number;
  size: PageSize;
  /** The page's part of the stored article text. */
  text: string;
  /** Draw the page (it is in or near the view). */
  near: boolean;
  /** The page's text nodes changed (a text layer came or went): highlights must be painted again. */
  onTextChanged: (index: number) => void;
  /** The page is drawn (picture and text layer) for the first time since it came near. */
  onDrawn: (index: number) => void;
  /** The page's real size, once pdf.js has read it. */
  onSize: (index: number, size: PageSize) => void;
  /** The page could not be drawn. */
  onError: (index: number, error: unknown) => void;
}

/** A page's text layer, built once while the page is near the view and fitted to each zoom in place. */
interface Layer {
  page: PDFPageProxy;
  text: PageTextLayer;
}

function isCancel(error: unknown): boolean {
  const name = (error as { name?: string } | null)?.name;
  return name === 'AbortError' || name === 'RenderingCancelledException' || name === 'AbortException';
}

export const PdfPageView = memo(function PdfPageView({
  pdf,
  index,
  scale,
  size,
  text,
  near,
  onTextChanged,
  onDrawn,
  onSize,
  onError,
}: Props) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const hostRef = useRef<HTMLDivElement>(null);
  const [layer, setLayer] = useState<Layer | null>(null);
  /** The picture on the canvas is of this page (at some zoom; a new one replaces it once drawn). */
  const [pictured, setPictured] = useState(false);
  const scaleRef = useRef(scale);
  scaleRef.current = scale;
  const shown = near && layer ? layer.text.element : null;

  // The text layer: built when the page comes near, kept across zooms (so a selection in it survives).
  useEffect(() => {
    if (!pdf || !near) return;
    const abort = new AbortController();
    void (async () => {
      const page = await pdf.getPage(index + 1);
      if (abort.signal.aborted) return;
      const viewport = page.getViewport({ scale: scaleRef.current });
      const built = await buildPageTextLayer(page, viewport, text, abort.signal, takeTextAhead(pdf, index));
      if (!abort.signal.aborted) setLayer({ page, text: built });
    })().catch((error: unknown) => {
      if (!abort.signal.aborted && !isCancel(error)) onError(index, error);
    });
    return () => {
      abort.abort();
      setLayer(null);
    };
  }, [pdf, near, index, text, onError]);

  // A new zoom: the same layer, measured again.
  useLayoutEffect(() => {
    layer?.text.update(layer.page.getViewport({ scale }));
  }, [layer, scale]);

  // The picture: drawn off-screen at each zoom and swapped in at once (no blank page while drawing).
  useEffect(() => {
    const canvas = canvasRef.current;
    if (!pdf || !near || !canvas) return;
    const abort = new AbortController();
    let picture: PagePicture | null = null;
    void (async () => {
      const page = await pdf.getPage(index + 1);
      if (abort.signal.aborted) return;
      const natural = page.getViewport({ scale: 1 });
      onSize(index, { width: natural.width, height: natural.height });
      // Page one may have been drawn at this zoom while the reader was opening (pagePictures.ts).
      picture = takePictureAhead(pdf, index, scale) ?? drawPage(page, scale);
      const work = await picture.canvas;
      if (abort.signal.aborted) return;
      canvas.width = work.width;
      canvas.height = work.height;
      canvas.getContext('2d')?.drawImage(work, 0, 0);
      work.width = work.height = 0;
      setPictured(true);
    })().catch((error: unknown) => {
      if (!abort.signal.aborted && !isCancel(error)) onError(index, error);
    });
    return () => {
      abort.abort();
      picture?.cancel();
      // The page went far from the view (its canvas is gone): the picture's memory is given back at once.
      if (!canvas.isConnected) canvas.width = canvas.height = 0;
    };
  }, [pdf, near, scale, index, onSize, onError]);

  // A page coming near again has a new, empty canvas.
  useEffect(() => {
    if (!near) setPictured(false);
  }, [near]);

  useLayoutEffect(() => {
    const host = hostRef.current;
    if (shown) host?.replaceChildren(shown);
    else host?.replaceChildren();
    onTextChanged(index);
  }, [shown, index, onTextChanged]);

  const drawn = !!shown && pictured;
  useEffect(() => {
    if (drawn) onDrawn(index);
  }, [drawn, index, onDrawn]);

  return (
    <div
      className={drawn ? 'pdf-page drawn' : 'pdf-page'}
      data-page={index + 1}
      style={{ width: size.width * scale, height: size.height * scale, ['--scale-factor' as string]: scale }}
    >
      {/* Only a page near the view has a canvas and a text layer's host: the others are one box and their text,
          so the reader's mount (and each restyle) handles a few hundred elements for 300 pages, not four times that. */}
      {near && <canvas ref={canvasRef} className="pdf-canvas" width={0} height={0} aria-hidden="true" />}
      {near && <div ref={hostRef} className="pdf-layer-host" />}
      {!shown && <div className="pdf-page-text">{text}</div>}
    </div>
  );
});
