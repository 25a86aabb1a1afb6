import { WarningIcon } from '../components/Icons';
import { customHighlightsSupported } from '../lib/highlightPainter';

/**
 * Notes above a clipped article: how its highlights fared after "Update text", and warnings when the
 * highlights may be painted off (rendered text differs) or cannot be painted at all (no Custom Highlights).
 */
export function ArticleNotices({ reanchored, textMismatch }: { reanchored: string | null; textMismatch: boolean }) {
  return (
    <>
      {reanchored && (
        <p className="reanchor-note" role="status">
          {reanchored}
        </p>
      )}
      {textMismatch && (
        <p className="text-warning" role="status">
          <WarningIcon size={14} /> This article’s text renders differently from the stored copy, so highlights may land
          slightly off.
        </p>
      )}
      {!customHighlightsSupported() && (
        <p className="text-warning" role="status">
          <WarningIcon size={14} /> This browser can’t paint highlights; they are listed in the side panel.
        </p>
      )}
    </>
  );
}
