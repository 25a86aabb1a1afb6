/**
 * The library as the app's views see it: the clip list (or why it could not be read) and the library's
 * folder, problems and conflicts, loaded at start and refreshed when something changes them.
 */
import { useCallback, useEffect, useState } from 'react';
import type { ClipSummary, LibraryInfo } from '@core/model';
import { errorMessage } from './format';
import type { ReportError } from './report';

/** Clips and library info, with `refreshClips`, `refreshInfo` and `libraryChanged` (both at once). */
export function useLibraryListing(report: ReportError) {
  const [clips, setClips] = useState<ClipSummary[] | null>(null);
  const [clipsError, setClipsError] = useState<string | null>(null);
  const [info, setInfo] = useState<LibraryInfo | null>(null);

  const refreshClips = useCallback(async () => {
    try {
      setClips(await window.gloss.listClips());
      setClipsError(null);
    } catch (e) {
      setClipsError(errorMessage(e));
    }
  }, []);

  const refreshInfo = useCallback(async () => {
    try {
      setInfo(await window.gloss.getLibraryInfo());
    } catch (e) {
      report('Couldn’t read the library folder', e);
    }
  }, [report]);

  useEffect(() => {
    let live = true;
    window.gloss.listClips().then(
      (list) => live && setClips(list),
      (e) => live && setClipsError(errorMessage(e)),
    );
    window.gloss.getLibraryInfo().then(
      (i) => live && setInfo(i),
      (e) => live && report('Couldn’t read the library folder', e),
    );
    return () => {
      live = false;
    };
  }, [report]);

  const libraryChanged = useCallback(() => {
    void refreshClips();
    void refreshInfo();
  }, [refreshClips, refreshInfo]);

  return { clips, clipsError, info, refreshClips, refreshInfo, libraryChanged };
}
