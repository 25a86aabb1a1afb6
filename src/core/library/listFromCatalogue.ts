/**
 * The library's clips straight from its catalogue file, for a quick read-only list (`gloss list`): no store,
 * no schemas, no highlights. Used only while the catalogue is exactly up to date; otherwise the caller
 * opens the store, which reads what changed and saves the catalogue again.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { newestFirst } from '../catalogue/summary';
import { readCatalogueRows, type ListedMeta } from './catalogueFile';
import { CLIPS_DIR } from './clipFiles';
import { metaAsStamped } from './clipStamp';
import { ID_PATTERN } from './fileFormat';
import { readQuarantine } from './quarantine';

/** What a list of clips shows of each clip (and sorts it by): all the catalogue's rows hold of it. */
export type ListedClip = ListedMeta;

/**
 * Every clip of the library at `root`, newest first, and how many files are in quarantine, when the
 * catalogue file lists exactly the clip folders there are and each one's folder and `meta.json` stat as
 * the catalogue saved them; `null` when it cannot vouch for that (no usable catalogue, a clip added,
 * removed or changed behind its back).
 */
export async function listFromCatalogue(root: string): Promise<{ clips: ListedClip[]; problems: number } | null> {
  const saved = await readCatalogueRows(root);
  if (!saved.ok) return null;
  let entries;
  try {
    entries = await fs.readdir(path.join(root, CLIPS_DIR), { withFileTypes: true });
  } catch {
    return null;
  }
  // As when the store opens: folders that are not clip ids are not clips.
  const ids = entries.filter((e) => e.isDirectory() && ID_PATTERN.test(e.name)).map((e) => e.name);
  if (ids.length !== saved.rows.size) return null;
  for (const id of ids) {
    const row = saved.rows.get(id);
    if (!row || !metaAsStamped(root, id, row.stamp)) return null;
  }
  const clips = [...saved.rows.values()].map((row) => row.meta).sort(newestFirst);
  return { clips, problems: (await readQuarantine(root)).length };
}
