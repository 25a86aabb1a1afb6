/**
 * Checks made when a clip is opened (never at start-up, so opening a large library reads no article):
 * damage that would otherwise go unnoticed is reported in the library's problems and, where the article
 * itself is sound, repaired. A missing `annotations.json` (every clip is written with one: its highlights
 * are gone), an `article.txt` that does not match `article.html` (rebuilt from it), and an `article.html`
 * that is cut off (its text shorter than the saved text, or it stops inside a tag).
 */
import { promises as fs } from 'node:fs';
import type { LibraryProblem } from '../model';
import { writeFileAtomic } from './atomicWrite';
import { clipFile } from './clipFiles';

/** What opening a clip found: the text that matches its HTML, and the problems to report. */
export interface ClipCheck {
  text: string;
  problems: LibraryProblem[];
}

const problem = (id: string, name: string, reason: string): LibraryProblem => ({
  file: `clips/${id}/${name}`,
  quarantinedAs: '',
  reason,
  at: new Date().toISOString(),
});

/**
 * Checks clip `id`'s files as read (`html`, the cached `text`), with `textOf` the canonical text function.
 * A text cache that does not match is rewritten from the article, unless the article is the one cut off.
 */
export async function checkOpenedClip(
  root: string,
  id: string,
  article: { html: string; text: string },
  textOf: (html: string) => string,
): Promise<ClipCheck> {
  const problems: LibraryProblem[] = [];
  const annotations = await fs.stat(clipFile(root, id, 'annotations.json')).catch(() => null);
  if (!annotations)
    problems.push(
      problem(
        id,
        'annotations.json',
        'The highlights file is missing, so this clip shows no highlights; restore it from a backup to get them back.',
      ),
    );
  const expected = textOf(article.html);
  const body = article.html.trimEnd();
  const cutInTag = body.length > 0 && !body.endsWith('>') && /<[^>]*$/.test(body);
  if (expected === article.text && !cutInTag) return { text: expected, problems };
  if (cutInTag || (article.text.length > expected.length && article.text.startsWith(expected.trimEnd()))) {
    problems.push(
      problem(
        id,
        'article.html',
        'The article file is cut off: it ends before the saved text does. Re-clip the page or restore the clip from a backup.',
      ),
    );
    return { text: expected, problems };
  }
  problems.push(
    problem(id, 'article.txt', 'The saved text did not match the article; it was rebuilt from article.html.'),
  );
  await writeFileAtomic(clipFile(root, id, 'article.txt'), expected).catch(() => undefined);
  return { text: expected, problems };
}
