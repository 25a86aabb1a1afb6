/**
 * The GlossApi methods of the notebook: pages of one's own writing, and which pages quote a clip.
 */
import type { GlossApi } from '../api';
import type { PageStore } from './pageStore';

export type NotebookMethods = Pick<
  GlossApi,
  'listPages' | 'getPage' | 'createPage' | 'savePage' | 'deletePage' | 'getBacklinks'
>;

/** Builds the notebook methods over a page store. */
export function createNotebookMethods(pages: PageStore): NotebookMethods {
  return {
    listPages: async () => pages.list(),
    getPage: async (id) => pages.get(id),
    createPage: async ({ title } = {}) => pages.create(title?.trim() ?? ''),
    async savePage({ id, title, doc }) {
      const { doc: _doc, ...summary } = await pages.save(id, title, doc);
      return summary;
    },
    deletePage: (id) => pages.delete(id),
    getBacklinks: async (clipId) => pages.backlinks(clipId),
  };
}
