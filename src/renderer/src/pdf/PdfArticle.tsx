/**
 * A PDF clip's pages in the reader, in place of the article body: pdf.js draws the pages near the view
 * (canvas and text layer), the others hold only their text; zoom, fit width, page keys (Page Up/Down,
 * Home/End), the page box and the PDF's bookmarks. The element given `articleRef` has exactly the clip's
 * article text, so the reader's highlights, selection and search places work on it unchanged.
 */
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { KeyboardEvent as ReactKeyboardEvent, MouseEvent as ReactMouseEvent, ReactNode } from 'react';
import type { PDFDocumentProxy } from 'pdfjs-dist';
import type { AnchoredHighlight, ClipPdf } from '@core/model';
import { PAGE_SEPARATOR, pageAt } from '@core/common/pdfLayout';
import { errorMessage } from '../lib/format';
import { isEditable } from '../lib/keys';
import { offsetsToRange } from '../lib/textOffsets';
import { revealRange, type ReaderFocus } from '../reader/usePaintedHighlights';
import '../styles/pdf.css';
import { PdfControls } from './PdfControls';
import { pageAtY, pageInView, pageTexts, pageTops, type PageSize } from '@core/common/pdfPageGeometry';
import { PdfPageView } from './PdfPageView';
import { openedPdf, takePdf } from './openDocuments';
import { fitScale, MAX_SCALE, rememberColumnWidth, rememberedColumnWidth } from './pagePictures';
import { markPdfOpen } from './openTiming';
import { readOutline, type OutlineEntry } from './pdfOutline';

/** US Letter at 72 dpi, until the PDF's own first page is known. */
const DEFAULT_SIZE: PageSize = { width: 612, height: 792 };
const MIN_SCALE = 0.25;
/** Room left for the sticky reader bar when a page is brought to the top. */
const TOP_ROOM = 64;

interface Props {
  clipId: string;
  pdfMeta: ClipPdf;
  /** The clip's article text. */
  text: string;
  scroller: HTMLDivElement | null;
  /** Given the element whose text is the article text (the reader's article ref). */
  articleRef: (el: HTMLDivElement | null) => void;
  focus: ReaderFocus | null;
  /** The clip's highlights, to find the page of a focus that names one. */
  highlights: readonly AnchoredHighlight[];
  onClick: (event: ReactMouseEvent) => void;
  onKeyDown: (event: ReactKeyboardEvent) => void;
  /** The article's text nodes changed (pages drawn or dropped): highlights must be painted again. */
  onTextChanged: () => void;
}

export default function PdfArticle({
  clipId,
  pdfMeta,
  text,
  scroller,
  articleRef,
  focus,
  highlights,
  onClick,
  onKeyDown,
  onTextChanged,
}: Props) {
  const texts = useMemo(() => pageTexts(text, pdfMeta.pageStarts), [text, pdfMeta.pageStarts]);
  // Usually open already (asked for at the click): the first render then has the document, the pages' size,
  // the column's width last seen (page one was drawn ahead at it) and page one near, so page one's drawing
  // starts at the mount instead of after further renders of every page box.
  const [opened] = useState(() => openedPdf(clipId, pdfMeta.sha256));
  const [pdf, setPdf] = useState<PDFDocumentProxy | null>(opened?.doc ?? null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [pageError, setPageError] = useState<string | null>(null);
  const [sizes, setSizes] = useState<PageSize[]>(() => texts.map(() => opened?.first ?? DEFAULT_SIZE));
  const [zoom, setZoom] = useState<number | 'fit'>('fit');
  const [columnWidth, setColumnWidth] = useState(rememberedColumnWidth);
  const [near, setNear] = useState<ReadonlySet<number>>(() => new Set(opened && !focus ? [0] : []));
  const [current, setCurrent] = useState(0);
  const [outline, setOutline] = useState<OutlineEntry[]>([]);
  const bodyRef = useRef<HTMLDivElement | null>(null);
  const keepPlace = useRef<{ page: number; within: number } | null>(null);
  const pendingFocus = useRef<{ start: number; end: number } | null>(null);

  const base = sizes[0] ?? DEFAULT_SIZE;
  const scale = zoom === 'fit' ? (columnWidth > 0 ? fitScale(columnWidth, base.width) : 1) : zoom;
  const tops = useMemo(() => pageTops(sizes, scale), [sizes, scale]);

  const setBody = useCallback(
    (el: HTMLDivElement | null) => {
      bodyRef.current = el;
      articleRef(el);
    },
    [articleRef],
  );

  useEffect(() => {
    let live = true;
    markPdfOpen('mounted');
    // Often already open: asked for as the clip's row was clicked (reader/clipPrefetch.ts).
    const taken = takePdf(clipId, pdfMeta.sha256);
    taken.doc
      .then(async (doc) => {
        // Set at the first render (its pages sized from this document's first page).
        if (doc === opened?.doc) return;
        const first = (await doc.getPage(1)).getViewport({ scale: 1 });
        if (!live) return;
        setSizes(texts.map(() => ({ width: first.width, height: first.height })));
        setPdf(doc);
      })
      .catch((e: unknown) => live && setLoadError(errorMessage(e)));
    return () => {
      live = false;
      taken.release();
    };
  }, [clipId, pdfMeta.sha256, texts, opened]);

  // The page in view is drawn first; the pages near it and the bookmarks wait until it is (pdf.js's worker
  // does one thing at a time, so the page looked at is not kept waiting behind its neighbours).
  const [leadDrawn, setLeadDrawn] = useState(false);
  const leadMarked = useRef(false);
  useEffect(() => {
    if (!pdf || !leadDrawn) return;
    let live = true;
    void readOutline(pdf)
      .catch(() => [])
      .then((entries) => live && setOutline(entries));
    return () => {
      live = false;
    };
  }, [pdf, leadDrawn]);

  // The column's width, for fit width.
  useLayoutEffect(() => {
    const el = bodyRef.current?.parentElement;
    if (!el) return;
    const measure = () => {
      setColumnWidth(el.clientWidth);
      rememberColumnWidth(el.clientWidth);
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  /** Where the pages begin inside the scroller's content. */
  const bodyTop = useCallback(() => {
    const body = bodyRef.current;
    if (!body || !scroller) return 0;
    return body.getBoundingClientRect().top - scroller.getBoundingClientRect().top + scroller.scrollTop;
  }, [scroller]);

  /** Brings page `page` (0-based) to the top of the view; the scroll then updates the current page. */
  const goToPage = useCallback(
    (page: number) => {
      const n = Math.min(texts.length - 1, Math.max(0, page));
      scroller?.scrollTo({ top: bodyTop() + tops[n]! - TOP_ROOM });
    },
    [scroller, texts.length, bodyTop, tops],
  );

  // The page in view, as the column scrolls.
  useEffect(() => {
    if (!scroller) return;
    let frame = 0;
    const onScroll = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => {
        const top = scroller.scrollTop - bodyTop();
        setCurrent(pageInView(tops, top + TOP_ROOM, top + scroller.clientHeight));
      });
    };
    scroller.addEventListener('scroll', onScroll, { passive: true });
    return () => {
      cancelAnimationFrame(frame);
      scroller.removeEventListener('scroll', onScroll);
    };
  }, [scroller, tops, bodyTop]);

  // Only pages within about a screen of the view are drawn.
  useEffect(() => {
    const body = bodyRef.current;
    if (!scroller || !body) return;
    const observer = new IntersectionObserver(
      (entries) => {
        setNear((prev) => {
          const next = new Set(prev);
          for (const e of entries) {
            const n = Number((e.target as HTMLElement).dataset['page']) - 1;
            if (e.isIntersecting) next.add(n);
            else next.delete(n);
          }
          return next;
        });
      },
      { root: scroller, rootMargin: '100% 0px' },
    );
    for (const page of body.querySelectorAll('.pdf-page')) observer.observe(page);
    return () => observer.disconnect();
  }, [scroller, texts.length]);

  // Zooming keeps the same place of the same page in view.
  const changeZoom = useCallback(
    (next: number | 'fit') => {
      if (scroller) {
        const y = scroller.scrollTop - bodyTop() + TOP_ROOM;
        const page = pageAtY(tops, y);
        keepPlace.current = { page, within: (y - tops[page]!) / scale };
      }
      setZoom(next);
    },
    [scroller, bodyTop, tops, scale],
  );
  useLayoutEffect(() => {
    const place = keepPlace.current;
    if (!place || !scroller) return;
    keepPlace.current = null;
    scroller.scrollTo({ top: bodyTop() + tops[place.page]! + place.within * scale - TOP_ROOM });
  }, [scale, tops, scroller, bodyTop]);

  // Page keys.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.metaKey || e.ctrlKey || e.altKey || isEditable(e.target)) return;
      const to =
        e.key === 'PageDown'
          ? current + 1
          : e.key === 'PageUp'
            ? current - 1
            : e.key === 'Home'
              ? 0
              : e.key === 'End'
                ? texts.length - 1
                : null;
      if (to === null) return;
      e.preventDefault();
      goToPage(to);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [current, texts.length, goToPage]);

  // A search result or highlight asked for: go to its page, and flash it once the page is drawn.
  const focusKey = focus?.key;
  useEffect(() => {
    if (!focus || !pdf) return;
    const named = focus.highlightId ? highlights.find((h) => h.id === focus.highlightId)?.anchor : null;
    const want = named ?? focus;
    pendingFocus.current = want;
    goToPage(pageAt(pdfMeta.pageStarts, want.start));
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once per request (its key), once the PDF is open
  }, [focusKey, pdf]);

  const onPageDrawn = useCallback(
    (index: number) => {
      if (!leadMarked.current) {
        leadMarked.current = true;
        markPdfOpen('drawn');
        // After the frame that paints it: the neighbours' canvases and text layers, and the bookmarks, would
        // otherwise be laid out and styled before the page looked at reaches the screen.
        requestAnimationFrame(() => setTimeout(() => setLeadDrawn(true), 0));
      }
      const want = pendingFocus.current;
      const body = bodyRef.current;
      if (!want || !body || pageAt(pdfMeta.pageStarts, want.start) !== index) return;
      pendingFocus.current = null;
      const range = offsetsToRange(body, want.start, want.end);
      if (range) revealRange(scroller, range, 'auto');
    },
    [pdfMeta.pageStarts, scroller],
  );

  const onSize = useCallback((index: number, size: PageSize) => {
    setSizes((prev) => {
      const old = prev[index];
      if (old && old.width === size.width && old.height === size.height) return prev;
      const next = prev.slice();
      next[index] = size;
      return next;
    });
  }, []);
  const onPageError = useCallback((index: number, error: unknown) => {
    setPageError(`Page ${index + 1} could not be drawn (${errorMessage(error)}).`);
  }, []);

  return (
    <div className={loadError ? 'pdf-reader pdf-failed' : 'pdf-reader'}>
      {!pdfMeta.hasText && (
        <p className="pdf-notice" role="status">
          No text in this PDF: its pages are pictures (a scan), so there is nothing to select, highlight or search. It
          can still be read and cited.
        </p>
      )}
      {loadError && (
        <p className="pdf-notice pdf-error" role="alert">
          The original PDF could not be shown: {loadError} Its text is shown instead.
        </p>
      )}
      {pageError && !loadError && (
        <p className="pdf-notice pdf-error" role="alert">
          {pageError}
        </p>
      )}
      <div
        className="article-body pdf-body"
        ref={setBody}
        onClick={onClick}
        onKeyDown={onKeyDown}
        aria-busy={!pdf && !loadError}
      >
        {texts.map((pageText, i) => (
          <PageSlot key={i} first={i === 0}>
            <PdfPageView
              pdf={pdf}
              index={i}
              scale={scale}
              size={sizes[i] ?? base}
              text={pageText}
              near={near.has(i) && (leadDrawn || i === current || !near.has(current))}
              onTextChanged={onTextChanged}
              onDrawn={onPageDrawn}
              onSize={onSize}
              onError={onPageError}
            />
          </PageSlot>
        ))}
      </div>
      {!loadError && (
        <PdfControls
          page={current}
          pages={texts.length}
          scale={scale}
          fitWidth={zoom === 'fit'}
          outline={outline}
          pdf={pdf}
          sizes={sizes}
          onZoom={(factor) => changeZoom(Math.min(MAX_SCALE, Math.max(MIN_SCALE, scale * factor)))}
          onFitWidth={() => changeZoom('fit')}
          onGo={goToPage}
        />
      )}
    </div>
  );
}

/** A page preceded by the text that separates it from the previous page in the article text. */
function PageSlot({ first, children }: { first: boolean; children: ReactNode }) {
  return (
    <>
      {!first && PAGE_SEPARATOR}
      {children}
    </>
  );
}
