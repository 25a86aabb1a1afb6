import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { MouseEvent as ReactMouseEvent } from 'react';
import type { AnchoredHighlight, ClipDocument, HighlightColor, Taxonomy } from '../../../core/model';
import { HIGHLIGHT_COLORS } from '../../../core/model';
import type { EditRequest } from '../components/HighlightItem';
import { byPosition, HighlightPanel } from '../components/HighlightPanel';
import { HighlightToolbar } from '../components/HighlightToolbar';
import { BackIcon, ExternalIcon, Spinner, TrashIcon, WarningIcon } from '../components/Icons';
import { errorMessage, formatDate, formatWords, hostOf, isWebUrl, readingTime } from '../lib/format';
import { clearHighlights, customHighlightsSupported, flashRange, paintHighlights, scrollRangeIntoView } from '../lib/highlightPainter';
import { useReportError } from '../lib/report';
import { sanitizeArticle } from '../lib/sanitize';
import { ClipDetailsDialog } from '../components/ClipDetailsDialog';
import { offsetsToRange, rangeToOffsets, trimOffsets } from '../lib/textOffsets';
import { copyText } from '../lib/clipboard';
import { ArticleOutline } from '../reader/ArticleOutline';
import { ClipLabels } from '../reader/ClipLabels';
import { highlightAtPoint } from '../reader/highlightAt';
import type { HighlightMenuActions } from '../reader/useHighlightMenu';
import { useHighlightMenu } from '../reader/useHighlightMenu';
import { useHighlightChanges } from '../reader/useHighlightChanges';
import { QuotedIn } from '../reader/QuotedIn';
import { ReadingProgress } from '../reader/ReadingProgress';
import { useReaderKeys } from '../reader/useReaderKeys';
import { reanchorSummary, UpdateTextDialog } from '../reader/UpdateTextDialog';
import { ReaderPrefsButton } from '../components/ReaderPrefsButton';
import { useReadPosition } from '../lib/useReadPosition';

/** Where the reader should open: a text position to scroll to and flash, or a highlight. */
export interface ReaderFocus {
  start: number;
  end: number;
  highlightId: string | null;
  /** Changes on every request so the same place can be asked for twice. */
  key: number;
}

interface PendingSelection {
  start: number;
  end: number;
  rect: DOMRect;
}

const COLOR_KEY = 'gloss.highlightColor';

function initialColor(): HighlightColor {
  const saved = window.localStorage.getItem(COLOR_KEY);
  return (HIGHLIGHT_COLORS as readonly string[]).includes(saved ?? '') ? (saved as HighlightColor) : 'yellow';
}

function prefersReducedMotion(): boolean {
  return window.matchMedia('(prefers-reduced-motion: reduce)').matches;
}

function isEditable(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
}

export function ReaderView({
  clipId,
  focus,
  backLabel,
  onBack,
  onChanged,
  onDeleted,
  onOpenPage,
}: {
  clipId: string;
  focus: ReaderFocus | null;
  backLabel: string;
  onBack: () => void;
  /** Called when highlights change, so the library's counts can refresh. */
  onChanged: () => void;
  /** Called once the clip has been deleted. */
  onDeleted: () => void;
  /** Opens a notebook page (from "Quoted in"). */
  onOpenPage?: (pageId: string) => void;
}) {
  const report = useReportError();
  const [doc, setDoc] = useState<ClipDocument | null>(null);
  const [editingDetails, setEditingDetails] = useState(false);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [highlights, setHighlights] = useState<AnchoredHighlight[]>([]);
  const [selection, setSelection] = useState<PendingSelection | null>(null);
  const [pointerDown, setPointerDown] = useState(false);
  const [color, setColor] = useState<HighlightColor>(initialColor);
  const [saving, setSaving] = useState(false);
  const [activeId, setActiveId] = useState<string | null>(focus?.highlightId ?? null);
  const [focusSeen, setFocusSeen] = useState(focus?.key ?? null);
  if (focus && focus.key !== focusSeen) {
    // A new place was asked for (e.g. another search result in the same clip).
    setFocusSeen(focus.key);
    if (focus.highlightId) setActiveId(focus.highlightId);
  }
  const [textMismatch, setTextMismatch] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const articleRef = useRef<HTMLDivElement>(null);
  const scrollerRef = useRef<HTMLDivElement>(null);
  const rangesRef = useRef(new Map<string, Range>());
  const [scroller, setScroller] = useState<HTMLDivElement | null>(null);
  const [articleEl, setArticleEl] = useState<HTMLDivElement | null>(null);
  const articleCallback = useCallback((el: HTMLDivElement | null) => {
    articleRef.current = el;
    setArticleEl(el);
  }, []);
  const scrollerCallback = useCallback((el: HTMLDivElement | null) => {
    scrollerRef.current = el;
    setScroller(el);
  }, []);
  const [taxonomy, setTaxonomy] = useState<Taxonomy | null>(null);
  const [request, setRequest] = useState<EditRequest | null>(null);
  const [tools, setTools] = useState<{ id: string; rect: DOMRect } | null>(null);
  const [updating, setUpdating] = useState(false);
  const [reanchored, setReanchored] = useState<string | null>(null);
  const [loads, setLoads] = useState(0);
  const focusDone = useRef<number | null>(null);

  // Load the clip.
  useEffect(() => {
    // The view is keyed by clip id, so it starts afresh for every clip.
    let live = true;
    window.gloss.getClip(clipId).then(
      (d) => {
        if (!live) return;
        setDoc(d);
        setHighlights(d.highlights);
      },
      (e) => live && setLoadError(errorMessage(e)),
    );
    window.gloss.getTaxonomy().then(
      (t) => live && setTaxonomy(t),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [clipId, loads]);

  const html = useMemo(() => (doc ? sanitizeArticle(doc.html, doc.meta.id) : ''), [doc]);
  const innerHtml = useMemo(() => ({ __html: html }), [html]);

  // The offsets only mean something if the page's text is the core's text.
  useLayoutEffect(() => {
    const article = articleRef.current;
    if (!doc || !article) return;
    const same = article.textContent === doc.text;
    setTextMismatch(!same);
    if (!same && import.meta.env.DEV) {
      console.warn('Gloss: the rendered article text differs from the stored text; highlight offsets may drift.');
    }
  }, [doc, html]);

  // Paint highlights whenever they change.
  useLayoutEffect(() => {
    const article = articleRef.current;
    if (!doc || !article) return;
    rangesRef.current = paintHighlights(article, highlights);
  }, [doc, html, highlights]);

  useEffect(() => () => clearHighlights(), []);

  useEffect(() => {
    if (!doc) return;
    document.title = `${doc.meta.title} · Gloss`;
    return () => {
      document.title = 'Gloss';
    };
  }, [doc]);

  const reveal = useCallback((range: Range, behavior: ScrollBehavior) => {
    const scroller = scrollerRef.current;
    if (scroller) scrollRangeIntoView(scroller, range, behavior);
    flashRange(range);
  }, []);

  // Open at the requested place.
  useLayoutEffect(() => {
    const article = articleRef.current;
    if (!doc || !article || !focus || focusDone.current === focus.key) return;
    focusDone.current = focus.key;
    const range =
      (focus.highlightId ? rangesRef.current.get(focus.highlightId)?.cloneRange() : undefined) ??
      offsetsToRange(article, focus.start, focus.end);
    if (range) reveal(range, 'auto');
  }, [doc, focus, reveal]);

  // Track the selection inside the article.
  const readSelection = useCallback(() => {
    const article = articleRef.current;
    const sel = window.getSelection();
    if (!article || !doc || !sel || sel.rangeCount === 0 || sel.isCollapsed) {
      setSelection(null);
      return;
    }
    const range = sel.getRangeAt(0);
    if (!article.contains(range.commonAncestorContainer) && !range.intersectsNode(article)) {
      setSelection(null);
      return;
    }
    const raw = rangeToOffsets(article, range);
    const { start, end } = trimOffsets(article.textContent ?? '', raw.start, raw.end);
    if (end <= start) {
      setSelection(null);
      return;
    }
    const clipped = offsetsToRange(article, start, end) ?? range;
    const rects = clipped.getClientRects();
    const rect = rects.length ? (rects[0] as DOMRect) : clipped.getBoundingClientRect();
    const whole = clipped.getBoundingClientRect();
    // Anchor the toolbar over the first line of the selection, centred on the whole selection.
    setSelection({ start, end, rect: new DOMRect(whole.left, rect.top, whole.width, rect.height) });
  }, [doc]);

  useEffect(() => {
    document.addEventListener('selectionchange', readSelection);
    return () => document.removeEventListener('selectionchange', readSelection);
  }, [readSelection]);

  useEffect(() => {
    const up = () => setPointerDown(false);
    window.addEventListener('pointerup', up);
    window.addEventListener('resize', readSelection);
    return () => {
      window.removeEventListener('pointerup', up);
      window.removeEventListener('resize', readSelection);
    };
  }, [readSelection]);

  const addHighlight = useCallback(
    async (c: HighlightColor, open?: EditRequest['what']) => {
      if (!selection || saving) return;
      setSaving(true);
      setColor(c);
      window.localStorage.setItem(COLOR_KEY, c);
      try {
        const h = await window.gloss.addHighlight({ clipId, start: selection.start, end: selection.end, color: c });
        setHighlights((hs) => [...hs, h]);
        window.getSelection()?.removeAllRanges();
        setSelection(null);
        setActiveId(h.id);
        if (open) setRequest({ id: h.id, what: open, key: Date.now() });
        onChanged();
      } catch (e) {
        report('Couldn’t save the highlight', e);
      } finally {
        setSaving(false);
      }
    },
    [clipId, selection, saving, onChanged, report],
  );

  // Keyboard: H highlights the selection; Escape drops it.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.metaKey || e.ctrlKey || e.altKey || isEditable(e.target)) return;
      if ((e.key === 'h' || e.key === 'H') && selection) {
        e.preventDefault();
        void addHighlight(color);
      } else if (e.key === 'Escape') {
        if (selection) window.getSelection()?.removeAllRanges();
        else if (tools) setTools(null);
        else if (!confirmDelete && !document.querySelector('dialog[open]')) onBack();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [selection, tools, color, addHighlight, confirmDelete, onBack]);

  // A click on painted text (without selecting) picks that highlight in the side panel.
  const onArticleClick = useCallback(
    (event: ReactMouseEvent) => {
      const article = articleRef.current;
      const sel = window.getSelection();
      if (!article || (sel && !sel.isCollapsed)) return;
      const hit = highlightAtPoint(article, highlights, event.clientX, event.clientY);
      if (!hit) return setTools(null);
      setActiveId(hit.id);
      const box = rangesRef.current.get(hit.id)?.getClientRects()[0];
      if (box) setTools({ id: hit.id, rect: new DOMRect(event.clientX - 1, box.top, 2, box.height) });
      document
        .querySelector(`.hl-item[data-highlight-id="${CSS.escape(hit.id)}"]`)
        ?.scrollIntoView({ block: 'nearest', behavior: prefersReducedMotion() ? 'auto' : 'smooth' });
    },
    [highlights],
  );

  const jump = useCallback(
    (h: AnchoredHighlight) => {
      setActiveId(h.id);
      const range = rangesRef.current.get(h.id);
      if (range) reveal(range.cloneRange(), prefersReducedMotion() ? 'auto' : 'smooth');
    },
    [reveal],
  );

  // n / p: the next or previous placed highlight after the active one (or the top of the view).
  const step = useCallback(
    (direction: 1 | -1) => {
      const placed = highlights.filter((h) => h.anchor).sort(byPosition);
      if (placed.length === 0) return;
      const at = placed.findIndex((h) => h.id === activeId);
      const next = at < 0 ? (direction === 1 ? 0 : placed.length - 1) : (at + direction + placed.length) % placed.length;
      jump(placed[next]!);
    },
    [highlights, activeId, jump],
  );
  useReaderKeys(scroller, step);
  useReadPosition(clipId, doc ? scroller : null, focus !== null);
  const { update, remove: removeHighlight, copyWithCitation: copyQuote } = useHighlightChanges(clipId, setHighlights, onChanged);
  const remove = useCallback(
    (h: AnchoredHighlight) => {
      setTools(null);
      return removeHighlight(h);
    },
    [removeHighlight],
  );

  const menuActions = useMemo<HighlightMenuActions>(
    () => ({
      recolour: (h, c) => void update(h, { color: c }),
      edit: (h, what) => {
        setTools(null);
        setRequest({ id: h.id, what, key: Date.now() });
        document.querySelector(`.hl-item[data-highlight-id="${CSS.escape(h.id)}"]`)?.scrollIntoView({ block: 'nearest' });
      },
      copyQuote: (h) => void copyText(h.target.selector[0].exact).catch((e: unknown) => report('Couldn’t copy the quote', e)),
      copyWithCitation: (h) => void copyQuote(h.target.selector[0].exact),
      remove: (h) => void remove(h),
      pick: (h) => {
        setTools(null);
        setActiveId(h.id);
      },
    }),
    [update, copyQuote, remove, report],
  );
  const onHighlightMenu = useHighlightMenu({ article: articleRef, scroller, highlights, ranges: rangesRef, activeId, actions: menuActions });

  async function deleteClip() {
    setDeleting(true);
    try {
      await window.gloss.deleteClip(clipId);
      onDeleted();
    } catch (e) {
      setDeleting(false);
      setConfirmDelete(false);
      report('Couldn’t delete the clip', e);
    }
  }

  if (loadError) {
    return (
      <div className="reader reader-state">
        <button type="button" className="back-button" onClick={onBack}>
          <BackIcon /> {backLabel}
        </button>
        <div className="empty-state">
          <WarningIcon size={28} />
          <h2>This clip couldn’t be opened</h2>
          <p className="error-text">{loadError}</p>
        </div>
      </div>
    );
  }

  if (!doc) {
    return (
      <div className="reader reader-state" aria-busy="true">
        <div className="loading">
          <Spinner /> Opening…
        </div>
      </div>
    );
  }

  const { meta } = doc;
  const site = meta.site ?? hostOf(meta.url);
  const date = meta.published ? formatDate(meta.published) : null;

  return (
    <div className="reader" onContextMenu={onHighlightMenu}>
      <div
        className="reader-scroll"
        ref={scrollerCallback}
        onScroll={selection ? readSelection : tools ? () => setTools(null) : undefined}
        onPointerDown={() => setPointerDown(true)}
      >
        <div className="reader-top">
          <button type="button" className="back-button" onClick={onBack}>
            <BackIcon /> {backLabel}
          </button>
          <div className="reader-actions">
            <ReaderPrefsButton />
            {confirmDelete ? (
              <div className="confirm" role="group" aria-label="Confirm deletion">
                <span>Delete this clip and its highlights?</span>
                <button type="button" className="button small" onClick={() => setConfirmDelete(false)} disabled={deleting} autoFocus>
                  Keep
                </button>
                <button type="button" className="button small danger" onClick={() => void deleteClip()} disabled={deleting}>
                  {deleting && <Spinner />}
                  Delete
                </button>
              </div>
            ) : (
              <button type="button" className="button small" onClick={() => setUpdating(true)}>
                Update text
              </button>
            )}
            {!confirmDelete && (
              <button
                type="button"
                className="icon-button"
                aria-label="Delete clip"
                title="Delete clip"
                onClick={() => setConfirmDelete(true)}
              >
                <TrashIcon />
              </button>
            )}
          </div>
        </div>
        <article className="reader-article" lang={meta.lang ?? undefined}>
          <header className="article-head">
            {site && <div className="article-site">{site}</div>}
            <h1 className="article-title">{meta.title}</h1>
            <div className="article-meta">
              {meta.byline && <span className="byline">{meta.byline}</span>}
              <span title={`Clipped ${formatDate(meta.clippedAt)}`}>{date ?? `Clipped ${formatDate(meta.clippedAt)}`}</span>
              <span>{formatWords(meta.words)}</span>
              <span>{readingTime(meta.words)}</span>
              {isWebUrl(meta.url) && (
                <a className="original-link" href={meta.url} target="_blank" rel="noopener noreferrer">
                  Open original <ExternalIcon size={13} />
                </a>
              )}
              <button type="button" className="edit-details" onClick={() => setEditingDetails(true)}>
                Edit details
              </button>
            </div>
            {editingDetails && (
              <ClipDetailsDialog
                meta={meta}
                onClose={() => setEditingDetails(false)}
                onSaved={(clip) => {
                  setEditingDetails(false);
                  setDoc((d) => d && { ...d, meta: { ...d.meta, ...clip } });
                  onChanged();
                }}
              />
            )}
            <ClipLabels meta={meta} taxonomy={taxonomy} onChanged={onChanged} />
            {onOpenPage && <QuotedIn clipId={clipId} onOpenPage={onOpenPage} />}
          </header>
          <ArticleOutline
            article={articleEl}
            version={html}
            onGo={(el) => el.scrollIntoView({ block: 'start', behavior: prefersReducedMotion() ? 'auto' : 'smooth' })}
          />
          {reanchored && (
            <p className="reanchor-note" role="status">
              {reanchored}
            </p>
          )}
          {textMismatch && (
            <p className="text-warning" role="status">
              <WarningIcon size={14} /> This article’s text renders differently from the stored copy, so highlights may
              land slightly off.
            </p>
          )}
          {!customHighlightsSupported() && (
            <p className="text-warning" role="status">
              <WarningIcon size={14} /> This browser can’t paint highlights; they are listed in the side panel.
            </p>
          )}
          <div className="article-body" ref={articleCallback} onClick={onArticleClick} dangerouslySetInnerHTML={innerHtml} />
          <footer className="article-end" aria-hidden="true">
            ◆
          </footer>
        </article>
      </div>
      <ReadingProgress scroller={scroller} />
      {updating && (
        <UpdateTextDialog
          clipId={clipId}
          url={meta.url}
          onClose={() => setUpdating(false)}
          onDone={(r) => {
            setUpdating(false);
            setReanchored(reanchorSummary(r));
            setLoads((n) => n + 1);
            onChanged();
          }}
        />
      )}
      <HighlightPanel
        highlights={highlights}
        clipTitle={meta.title}
        activeId={activeId}
        request={request}
        tagSuggestions={taxonomy?.tags.map((t) => t.name) ?? []}
        onJump={jump}
        onDelete={remove}
        onUpdate={update}
        onCopy={(h) => void copyQuote(h.target.selector[0].exact)}
      />
      {selection && !pointerDown && (
        <HighlightToolbar
          rect={selection.rect}
          color={color}
          busy={saving}
          existing={false}
          onHighlight={(c) => void addHighlight(c)}
          onNote={() => void addHighlight(color, 'note')}
          onTag={() => void addHighlight(color, 'tags')}
          onCopy={() => void copyQuote(doc.text.slice(selection.start, selection.end))}
        />
      )}
      {!selection && tools && highlights.some((h) => h.id === tools.id) && (
        <HighlightToolbar
          rect={tools.rect}
          color={highlights.find((h) => h.id === tools.id)!.color}
          busy={false}
          existing
          onHighlight={(c) => void update(highlights.find((h) => h.id === tools.id)!, { color: c })}
          onNote={() => (setRequest({ id: tools.id, what: 'note', key: Date.now() }), setTools(null))}
          onTag={() => (setRequest({ id: tools.id, what: 'tags', key: Date.now() }), setTools(null))}
          onCopy={() => void copyQuote(highlights.find((h) => h.id === tools.id)!.target.selector[0].exact)}
          onDelete={() => void remove(highlights.find((h) => h.id === tools.id)!)}
        />
      )}
    </div>
  );
}
