/**
 * The library as the app's views see it: the library list (paged from the core, kept between visits), how
 * many clips there are, and the library's folder, problems and conflicts, loaded at start and refreshed
 * when something changes them. The whole library never crosses IPC: only pages of rows and counts do.
 */
import { useCallback, useEffect, useState } from 'react';
import type { LibraryInfo } from '@core/model';
import { forgetClipReads } from '../reader/clipPrefetch';
import { newHighlightsList, newLibraryList } from './keptList';
import { SearchPager } from './searchPager';
import type { ReportError } from './report';

/** The library, highlights and search lists, the clip count and library info, with `refreshClips`, `refreshInfo` and `libraryChanged` (both at once). */
export function useLibraryListing(report: ReportError) {
  const [list] = useState(newLibraryList);
  const [highlights] = useState(newHighlightsList);
  const [searchPager] = useState(() => new SearchPager());
  const [clipCount, setClipCount] = useState<number | null>(null);
  const [info, setInfo] = useState<LibraryInfo | null>(null);

  const countClips = useCallback(async () => {
    try {
      setClipCount((await window.gloss.listClipsPage({ limit: 1 })).total);
    } catch {
      // The library view says why the library cannot be read.
    }
  }, []);

  const refreshClips = useCallback(async () => {
    forgetClipReads();
    list.invalidate();
    highlights.invalidate();
    searchPager.invalidate();
    await countClips();
  }, [list, highlights, searchPager, countClips]);

  const refreshInfo = useCallback(async () => {
    try {
      setInfo(await window.gloss.getLibraryInfo());
    } catch (e) {
      report('Couldn’t read the library folder', e);
    }
  }, [report]);

  useEffect(() => {
    let live = true;
    window.gloss.listClipsPage({ limit: 1 }).then(
      (page) => live && setClipCount(page.total),
      () => undefined,
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

  return { list, highlights, searchPager, clipCount, info, refreshClips, refreshInfo, libraryChanged };
}
