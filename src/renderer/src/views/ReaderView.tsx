import { useCite } from '../lib/cite';
import { lazy, Suspense, useCallback, useEffect, useImperativeHandle, useMemo, useRef, useState } from 'react';
import type { KeyboardEvent as ReactKeyboardEvent, MouseEvent as ReactMouseEvent, Ref } from 'react';
import { flushSync } from 'react-dom';
import type { AnchoredHighlight, HighlightColor } from '@core/model';
import { byPosition, HighlightPanel } from '../components/HighlightPanel';
import { HighlightToolbar } from '../components/HighlightToolbar';
import { Spinner, WarningIcon } from '../components/Icons';
import { modalIsOpen } from '../components/Modal';
import { isEditable } from '../lib/keys';
import { prefersReducedMotion } from '../lib/motion';
import { useReportError } from '../lib/report';
import { sanitizeArticle } from '../lib/sanitize';
import { copyText } from '../lib/clipboard';
import { ArticleHead } from '../reader/ArticleHead';
import { ArticleNotices } from '../reader/ArticleNotices';
import { BrowserUpdateNotice } from '../reader/BrowserUpdateNotice';
import { ArticleOutline } from '../reader/ArticleOutline';
import { highlightAtPoint } from '../reader/highlightAt';
import { initialColor, rememberColor } from '../reader/highlightColor';
import type { HighlightMenuActions } from '../reader/useHighlightMenu';
import { useHighlightMenu } from '../reader/useHighlightMenu';
import { useHighlightChanges } from '../reader/useHighlightChanges';
import type { PendingSelection } from '../reader/useArticleSelection';
import { measureSelection, useArticleSelection } from '../reader/useArticleSelection';
import { useClipDocument } from '../reader/useClipDocument';
import type { ReaderFocus } from '../reader/usePaintedHighlights';
import { revealRange, usePaintedHighlights } from '../reader/usePaintedHighlights';
import { ReadingProgress } from '../reader/ReadingProgress';
import { useReaderKeys } from '../reader/useReaderKeys';
import type { EditKind } from '../reader/readerState';
import { useReaderState } from '../reader/readerState';
import { reanchorSummary, UpdateTextDialog } from '../reader/UpdateTextDialog';
import { ReaderBackButton, ReaderTopBar } from '../reader/ReaderTopBar';
import { useReadPosition } from '../lib/useReadPosition';
import { menuPosition, useOpenContextMenu } from '../lib/useContextMenus';

/** The PDF page reader and pdf.js load only when a PDF clip is opened. */
const PdfArticle = lazy(() => import('../pdf/PdfArticle'));

export type { ReaderFocus } from '../reader/usePaintedHighlights';

/** What the app's commands can ask of the open reader (through the `commands` ref). */
export interface ReaderCommands {
  /** Moves the keyboard focus to the highlights panel (its active or first card), opening its drawer if needed. */
  focusHighlights: () => void;
}

/**
 * The reader: one clipped article with its highlights painted on it, the highlight panel beside it, and the
 * toolbar and menus that make, change and remove highlights.
 */
export function ReaderView({
  clipId,
  focus,
  backLabel,
  onBack,
  onChanged,
  onDeleted,
  onOpenPage,
  commands,
}: {
  clipId: string;
  focus: ReaderFocus | null;
  backLabel: string;
  onBack: () => void;
  /** Called when highlights change, so the library's counts can refresh. */
  onChanged: () => void;
  /** Called once the clip has been deleted, with its title (for the Undo toast). */
  onDeleted: (title: string) => void;
  /** Opens a notebook page (from "Quoted in"). */
  onOpenPage?: (pageId: string) => void;
  /** Filled in with what the app's commands can ask of the reader. */
  commands?: Ref<ReaderCommands>;
}) {
  const report = useReportError();
  const [highlights, setHighlights] = useState<AnchoredHighlight[]>([]);
  const { doc, setDoc, loadError, taxonomy, reload } = useClipDocument(clipId, setHighlights);
  const [color, setColor] = useState<HighlightColor>(initialColor);
  const [saving, setSaving] = useState(false);
  const [{ activeId, editing, tools }, dispatch] = useReaderState(focus?.highlightId ?? null);
  /** The side panel's cards by highlight id (filled in by the cards themselves). */
  const panelItems = useRef(new Map<string, HTMLElement>());
  const revealCard = useCallback((id: string, behavior: ScrollBehavior = 'auto') => {
    panelItems.current.get(id)?.scrollIntoView({ block: 'nearest', behavior });
  }, []);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [drawerOpen, setDrawerOpen] = useState(false);
  const panelRef = useRef<HTMLElement>(null);
  useImperativeHandle(
    commands,
    () => ({
      focusHighlights: () => {
        flushSync(() => setDrawerOpen(true));
        const id = activeId ?? [...highlights].sort(byPosition)[0]?.id;
        const card = id === undefined ? undefined : panelItems.current.get(id);
        (card?.querySelector<HTMLElement>('button:enabled') ?? panelRef.current)?.focus();
      },
    }),
    [activeId, highlights],
  );
  const cite = useCite();
  const articleRef = useRef<HTMLDivElement>(null);
  const scrollerRef = useRef<HTMLDivElement>(null);
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
  const [updating, setUpdating] = useState(false);
  const [reanchored, setReanchored] = useState<string | null>(null);

  // A PDF clip shows its pages: its stored HTML does not even come to the window (getClipForReader).
  const html = useMemo(() => (doc?.html !== undefined ? sanitizeArticle(doc.html, doc.meta.id) : ''), [doc]);
  const innerHtml = useMemo(() => ({ __html: html }), [html]);
  const pickFocused = useCallback((id: string) => dispatch({ type: 'pick', id }), [dispatch]);
  // A PDF's pages come and go as they scroll by: each change of its text nodes paints the highlights again.
  const [pdfTextVersion, setPdfTextVersion] = useState(0);
  const onPdfTextChanged = useCallback(() => setPdfTextVersion((v) => v + 1), []);
  const { ranges: rangesRef, textMismatch } = usePaintedHighlights({
    doc,
    html,
    highlights,
    article: articleRef,
    scroller: scrollerRef,
    focus,
    // A new place was asked for (e.g. another search result in the same clip): its highlight becomes active.
    onFocus: pickFocused,
    version: pdfTextVersion,
  });
  const { selection, setSelection, readSelection, pointerDown, onPointerDown } = useArticleSelection(
    articleRef,
    doc !== null,
  );

  const addHighlight = useCallback(
    async (c: HighlightColor, open?: EditKind, selected: PendingSelection | null = selection) => {
      if (!selected || saving) return;
      setSaving(true);
      setColor(c);
      rememberColor(c);
      try {
        const h = await window.gloss.addHighlight({ clipId, start: selected.start, end: selected.end, color: c });
        setHighlights((hs) => [...hs, h]);
        window.getSelection()?.removeAllRanges();
        setSelection(null);
        dispatch({ type: 'added', id: h.id, open });
        onChanged();
      } catch (e) {
        report('Couldn’t save the highlight', e);
      } finally {
        setSaving(false);
      }
    },
    [clipId, selection, setSelection, saving, onChanged, report, dispatch],
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
        else if (tools) dispatch({ type: 'closeTools' });
        // Escape leaves the reader only when no dialog is open (an open one closes on it, wherever the focus is).
        else if (!confirmDelete && !modalIsOpen()) onBack();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [selection, tools, color, addHighlight, confirmDelete, onBack, dispatch]);

  // A click on painted text (without selecting) picks that highlight in the side panel.
  /** "Load from the web" on a picture that was not stored: the core downloads it into the clip. */
  const loadRemoteImage = useCallback(
    (img: HTMLElement) => {
      const url = img.getAttribute('data-gloss-remote');
      if (!url) return false;
      img.setAttribute('aria-busy', 'true');
      void window.gloss.loadClipImage({ clipId, url }).then(reload, (e) => {
        img.removeAttribute('aria-busy');
        report('Couldn’t load the picture', e);
      });
      return true;
    },
    [clipId, reload, report],
  );

  const onArticleKeyDown = useCallback(
    (event: ReactKeyboardEvent) => {
      if (event.key === 'Enter' && event.target instanceof HTMLImageElement && loadRemoteImage(event.target))
        event.preventDefault();
    },
    [loadRemoteImage],
  );

  const onArticleClick = useCallback(
    (event: ReactMouseEvent) => {
      if (event.target instanceof HTMLImageElement && loadRemoteImage(event.target)) return;
      const article = articleRef.current;
      const sel = window.getSelection();
      if (!article || (sel && !sel.isCollapsed)) return;
      const hit = highlightAtPoint(article, highlights, event.clientX, event.clientY);
      if (!hit) return dispatch({ type: 'closeTools' });
      const box = rangesRef.current.get(hit.id)?.getClientRects()[0];
      dispatch({
        type: 'pick',
        id: hit.id,
        rect: box && new DOMRect(event.clientX - 1, box.top, 2, box.height),
      });
      revealCard(hit.id, prefersReducedMotion() ? 'auto' : 'smooth');
    },
    [highlights, rangesRef, loadRemoteImage, dispatch, revealCard],
  );

  const jump = useCallback(
    (h: AnchoredHighlight) => {
      dispatch({ type: 'pick', id: h.id });
      const range = rangesRef.current.get(h.id);
      if (range) revealRange(scrollerRef.current, range.cloneRange(), prefersReducedMotion() ? 'auto' : 'smooth');
    },
    [rangesRef, dispatch],
  );

  // n / p: the next or previous placed highlight after the active one (or the top of the view).
  const step = useCallback(
    (direction: 1 | -1) => {
      const placed = highlights.filter((h) => h.anchor).sort(byPosition);
      if (placed.length === 0) return;
      const at = placed.findIndex((h) => h.id === activeId);
      const next =
        at < 0 ? (direction === 1 ? 0 : placed.length - 1) : (at + direction + placed.length) % placed.length;
      jump(placed[next]!);
    },
    [highlights, activeId, jump],
  );
  useReaderKeys(scroller, step);
  useReadPosition(clipId, doc ? scroller : null, focus !== null);
  const {
    update,
    remove: removeHighlight,
    copyWithCitation: copyQuote,
  } = useHighlightChanges(clipId, setHighlights, onChanged);
  const remove = useCallback(
    (h: AnchoredHighlight) => {
      dispatch({ type: 'closeTools' });
      return removeHighlight(h);
    },
    [removeHighlight, dispatch],
  );

  const menuActions = useMemo<HighlightMenuActions>(
    () => ({
      recolour: (h, c) => void update(h, { color: c }),
      edit: (h, what) => {
        dispatch({ type: 'edit', id: h.id, what });
        revealCard(h.id);
      },
      copyQuote: (h) =>
        void copyText(h.target.selector[0].exact).catch((e: unknown) => report('Couldn’t copy the quote', e)),
      copyWithCitation: (h) => void copyQuote(h.target.selector[0].exact),
      remove: (h) => void remove(h),
      pick: (h) => dispatch({ type: 'pick', id: h.id }),
    }),
    [update, copyQuote, remove, report, dispatch, revealCard],
  );
  const onHighlightMenu = useHighlightMenu({
    article: articleRef,
    scroller,
    highlights,
    ranges: rangesRef,
    activeId,
    actions: menuActions,
  });

  // Right-click on selected article text: highlight it or copy it.
  const openMenu = useOpenContextMenu();
  const onReaderMenu = useCallback(
    (e: ReactMouseEvent) => {
      onHighlightMenu(e);
      const target = e.target as Element;
      const article = articleRef.current;
      // Read from the page, not from state: the click may come before the selection's change is rendered.
      const selected = article?.contains(target) ? measureSelection(article) : null;
      if (e.defaultPrevented || !selected) return;
      e.preventDefault();
      const text = window.getSelection()?.toString() ?? '';
      openMenu({
        ...menuPosition(e.nativeEvent, target),
        label: 'Selection',
        items: [
          { label: 'Highlight', run: () => void addHighlight(color, undefined, selected) },
          { label: 'Copy', run: () => void copyText(text).catch((err: unknown) => report('Couldn’t copy', err)) },
        ],
      });
    },
    [onHighlightMenu, openMenu, addHighlight, color, report],
  );

  if (loadError) {
    return (
      <div className="reader reader-state">
        <ReaderBackButton label={backLabel} onBack={onBack} />
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
      // Its own element (key): the reader that replaces it is a new one, whose style Chromium works out afresh
      // (reusing this one, the PDF reader's column was first measured with this state's padding and then
      // every page box was sized again once the style caught up).
      <div key="opening" className="reader reader-state" aria-busy="true">
        <div className="loading">
          <Spinner /> Opening…
        </div>
      </div>
    );
  }

  const { meta } = doc;
  // The highlight whose toolbar is open after a click on it (gone if it was deleted meanwhile).
  const picked = tools && highlights.find((h) => h.id === tools.id);

  return (
    <div className={drawerOpen ? 'reader drawer-open' : 'reader'} onContextMenu={onReaderMenu}>
      <div
        className={meta.pdf ? 'reader-scroll pdf-scroll' : 'reader-scroll'}
        ref={scrollerCallback}
        onScroll={selection ? readSelection : tools ? () => dispatch({ type: 'closeTools' }) : undefined}
        onPointerDown={onPointerDown}
      >
        <ReaderTopBar
          clipId={clipId}
          backLabel={backLabel}
          onBack={onBack}
          confirming={confirmDelete}
          setConfirming={setConfirmDelete}
          onUpdateText={meta.pdf ? undefined : () => setUpdating(true)}
          onCite={() => cite({ clipIds: [clipId], label: `“${meta.title}”` })}
          highlightCount={highlights.length}
          drawerOpen={drawerOpen}
          onToggleDrawer={() => setDrawerOpen((o) => !o)}
          onDeleted={() => onDeleted(meta.title)}
        />
        <article className={meta.pdf ? 'reader-article reader-pdf' : 'reader-article'} lang={meta.lang ?? undefined}>
          <ArticleHead
            clipId={clipId}
            meta={meta}
            taxonomy={taxonomy}
            onMetaSaved={(clip) => setDoc((d) => d && { ...d, meta: { ...d.meta, ...clip } })}
            onChanged={onChanged}
            onOpenPage={onOpenPage}
          />
          <ArticleOutline
            article={articleEl}
            version={html}
            onGo={(el) => el.scrollIntoView({ block: 'start', behavior: prefersReducedMotion() ? 'auto' : 'smooth' })}
          />
          <BrowserUpdateNotice
            clipId={clipId}
            version={doc}
            onApplied={(r) => {
              setReanchored(reanchorSummary(r));
              reload();
              onChanged();
            }}
          />
          <ArticleNotices reanchored={reanchored} textMismatch={textMismatch} />
          {meta.pdf ? (
            <Suspense fallback={<Spinner />}>
              <PdfArticle
                clipId={clipId}
                pdfMeta={meta.pdf}
                text={doc.text}
                scroller={scroller}
                articleRef={articleCallback}
                focus={focus}
                highlights={highlights}
                onClick={onArticleClick}
                onKeyDown={onArticleKeyDown}
                onTextChanged={onPdfTextChanged}
              />
            </Suspense>
          ) : (
            <div
              className="article-body"
              ref={articleCallback}
              onClick={onArticleClick}
              onKeyDown={onArticleKeyDown}
              dangerouslySetInnerHTML={innerHtml}
            />
          )}
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
            reload();
            onChanged();
          }}
        />
      )}
      <HighlightPanel
        ref={panelRef}
        highlights={highlights}
        clipTitle={meta.title}
        activeId={activeId}
        editing={editing}
        items={panelItems}
        onEdit={(h, what) => dispatch(what ? { type: 'edit', id: h.id, what } : { type: 'editDone', id: h.id })}
        tagSuggestions={taxonomy?.tags.map((t) => t.name) ?? []}
        onJump={jump}
        onDelete={(h) => void remove(h)}
        onUpdate={(h, patch) => void update(h, patch)}
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
      {!selection && tools && picked && (
        <HighlightToolbar
          rect={tools.rect}
          color={picked.color}
          busy={false}
          existing
          onHighlight={(c) => void update(picked, { color: c })}
          onNote={() => dispatch({ type: 'edit', id: tools.id, what: 'note' })}
          onTag={() => dispatch({ type: 'edit', id: tools.id, what: 'tags' })}
          onCopy={() => void copyQuote(picked.target.selector[0].exact)}
          onDelete={() => void remove(picked)}
        />
      )}
    </div>
  );
}
