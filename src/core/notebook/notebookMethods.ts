/**
 * The GlossApi methods of the notebook: pages of one's own writing, and which pages quote a clip.
 */
import type { GlossApi } from '../api';
import type { PageStore } from './pageStore';
import type { NotebookPage } from './types';

export type NotebookMethods = Pick<
  GlossApi,
  'listPages' | 'getPage' | 'createPage' | 'savePage' | 'deletePage' | 'getBacklinks'
>;

/** Where page changes go besides the page store (the search index). */
export interface PageListener {
  putPage(page: NotebookPage): void;
  removePage(id: string): void;
}

/** Builds the notebook methods over a page store; `index` hears of every page written or deleted. */
export function createNotebookMethods(pages: PageStore, index?: PageListener): NotebookMethods {
  return {
    listPages: async () => pages.list(),
    getPage: async (id) => pages.get(id),
    async createPage({ title } = {}) {
      const page = await pages.create(title?.trim() ?? '');
      index?.putPage(page);
      return page;
    },
    async savePage({ id, title, doc }) {
      const page = await pages.save(id, title, doc);
      index?.putPage(page);
      const { doc: _doc, ...summary } = page;
      return summary;
    },
    async deletePage(id) {
      await pages.delete(id);
      index?.removePage(id);
    },
    getBacklinks: async (clipId) => pages.backlinks(clipId),
  };
}
