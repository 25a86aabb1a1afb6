/**
 * The PDF reader's floating bar: zoom out/in, fit width, the page number box (type a page and press Enter)
 * its Pages (thumbnails) and, when the PDF has bookmarks, its Contents.
 */
import { useState } from 'react';
import type { PDFDocumentProxy } from 'pdfjs-dist';
import type { PageSize } from '@core/common/pdfPageGeometry';
import type { OutlineEntry } from './pdfOutline';
import { PdfThumbnails } from './PdfThumbnails';

interface Props {
  /** The page in view (0-based) and the page count. */
  page: number;
  pages: number;
  scale: number;
  fitWidth: boolean;
  outline: OutlineEntry[];
  /** The open document and its pages' sizes (for the thumbnails); null until open. */
  pdf: PDFDocumentProxy | null;
  sizes: readonly PageSize[];
  onZoom: (factor: number) => void;
  onFitWidth: () => void;
  onGo: (page: number) => void;
}

export function PdfControls({ page, pages, scale, fitWidth, outline, pdf, sizes, onZoom, onFitWidth, onGo }: Props) {
  const [typed, setTyped] = useState<string | null>(null);
  const [contents, setContents] = useState(false);
  const [thumbs, setThumbs] = useState(false);
  const go = () => {
    const n = Number.parseInt(typed ?? '', 10);
    if (Number.isFinite(n)) onGo(Math.min(pages, Math.max(1, n)) - 1);
    setTyped(null);
  };
  return (
    <div className="pdf-controls" role="toolbar" aria-label="PDF pages">
      <button
        type="button"
        className="pdf-control"
        onClick={() => onZoom(1 / 1.2)}
        aria-label="Zoom out"
        title="Zoom out"
      >
        −
      </button>
      <span className="pdf-zoom" aria-live="polite">
        {Math.round(scale * 100)}%
      </span>
      <button type="button" className="pdf-control" onClick={() => onZoom(1.2)} aria-label="Zoom in" title="Zoom in">
        +
      </button>
      <button
        type="button"
        className="pdf-control pdf-fit"
        aria-pressed={fitWidth}
        onClick={onFitWidth}
        title="Fit the page to the width"
      >
        Fit width
      </button>
      <span className="pdf-sep" aria-hidden="true" />
      <label className="pdf-page-box">
        Page{' '}
        <input
          type="text"
          inputMode="numeric"
          aria-label="Page number"
          value={typed ?? String(page + 1)}
          onFocus={(e) => e.currentTarget.select()}
          onChange={(e) => setTyped(e.currentTarget.value.replace(/\D/g, ''))}
          onKeyDown={(e) => {
            if (e.key === 'Enter') go();
            else if (e.key === 'Escape') setTyped(null);
          }}
          onBlur={() => setTyped(null)}
          size={Math.max(2, String(pages).length)}
        />{' '}
        of {pages}
      </label>
      {pdf && (
        <div className="pdf-contents">
          <button
            type="button"
            className="pdf-control"
            aria-expanded={thumbs}
            aria-haspopup="true"
            onClick={() => {
              setContents(false);
              setThumbs((t) => !t);
            }}
          >
            Pages
          </button>
          {thumbs && (
            <PdfThumbnails
              pdf={pdf}
              sizes={sizes}
              current={page}
              onGo={(n) => {
                setThumbs(false);
                onGo(n);
              }}
            />
          )}
        </div>
      )}
      {outline.length > 0 && (
        <div className="pdf-contents">
          <button
            type="button"
            className="pdf-control"
            aria-expanded={contents}
            aria-haspopup="true"
            onClick={() => {
              setThumbs(false);
              setContents((c) => !c);
            }}
          >
            Contents
          </button>
          {contents && (
            <ul className="pdf-outline" aria-label="Contents">
              {outline.map((entry, i) => (
                <li key={i}>
                  <button
                    type="button"
                    style={{ paddingLeft: 10 + entry.depth * 14 }}
                    onClick={() => {
                      setContents(false);
                      onGo(entry.page);
                    }}
                  >
                    <span>{entry.title}</span>
                    <span className="pdf-outline-page">{entry.page + 1}</span>
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}
