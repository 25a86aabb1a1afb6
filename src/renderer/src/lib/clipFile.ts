import type { ClipSummary } from '../../../core/model';

/** The files Gloss clips: saved web pages, Markdown and plain text. */
export const CLIPPABLE_FILES = '.html,.htm,.md,.markdown,.txt';

const CLIPPABLE = /\.(html?|md|markdown|txt)$/i;

/** Clips one file (dropped or opened): HTML through clipHtml, Markdown and text through clipText. */
export async function clipFile(file: File): Promise<ClipSummary> {
  if (!CLIPPABLE.test(file.name)) throw new Error(`${file.name} is not a web page, Markdown or text file (.html, .md, .txt).`);
  const content = await file.text();
  return /\.html?$/i.test(file.name) ? window.gloss.clipHtml({ html: content }) : window.gloss.clipText({ text: content });
}
