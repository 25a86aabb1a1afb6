import type { OnDuplicate } from '@core/api';
import type { ClipSummary } from '@core/model';

/** The files Gloss clips: saved web pages, Markdown and plain text. */
export const CLIPPABLE_FILES = '.html,.htm,.md,.markdown,.txt';

const CLIPPABLE = /\.(html?|md|markdown|txt)$/i;

/**
 * Clips one file (dropped or opened): HTML through clipHtml, Markdown and text through clipText.
 * `onDuplicate` says what to do when the library already holds the article (by default: ask, i.e. fail
 * with a `duplicate` error naming it).
 */
export async function clipFile(file: File, onDuplicate: OnDuplicate = 'ask'): Promise<ClipSummary> {
  if (!CLIPPABLE.test(file.name))
    throw new Error(`${file.name} is not a web page, Markdown or text file (.html, .md, .txt).`);
  const content = await file.text();
  return /\.html?$/i.test(file.name)
    ? window.gloss.clipHtml({ html: content, onDuplicate })
    : window.gloss.clipText({ text: content, onDuplicate });
}
