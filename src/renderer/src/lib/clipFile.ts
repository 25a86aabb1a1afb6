import type { OnDuplicate } from '@core/api';
import type { ClipSummary } from '@core/model';

/** The files Gloss clips: saved web pages, Markdown, plain text and PDFs. */
export const CLIPPABLE_FILES = '.html,.htm,.md,.markdown,.txt,.pdf';

const CLIPPABLE = /\.(html?|md|markdown|txt|pdf)$/i;

/** A file's bytes in base64 (how GlossApi carries a PDF), read by the browser without a copy in JavaScript. */
function base64Of(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error(`Could not read ${file.name}.`));
    reader.readAsDataURL(file);
  });
}

/**
 * Clips one file (dropped or opened): HTML through clipHtml, Markdown and text through clipText, PDFs
 * through clipPdf.
 * `onDuplicate` says what to do when the library already holds the article (by default: ask, i.e. fail
 * with a `duplicate` error naming it).
 */
export async function clipFile(file: File, onDuplicate: OnDuplicate = 'ask'): Promise<ClipSummary> {
  if (!CLIPPABLE.test(file.name))
    throw new Error(`${file.name} is not a web page, Markdown, text or PDF file (.html, .md, .txt, .pdf).`);
  if (/\.pdf$/i.test(file.name))
    return window.gloss.clipPdf({ data: await base64Of(file), fileName: file.name, onDuplicate });
  const content = await file.text();
  return /\.html?$/i.test(file.name)
    ? window.gloss.clipHtml({ html: content, onDuplicate })
    : window.gloss.clipText({ text: content, onDuplicate });
}
