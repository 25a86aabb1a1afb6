/**
 * A PDF's bookmarks (its outline) as a flat list of titles with their depth and page, for the reader's
 * Contents menu. Destinations are resolved through pdf.js's public API; entries that point nowhere (a web
 * address, a broken destination) are left out, never followed.
 */
import type { PDFDocumentProxy } from 'pdfjs-dist';

/** One bookmark: its title, how deep it is nested (0 at the top), and its page (0-based). */
export interface OutlineEntry {
  title: string;
  depth: number;
  page: number;
}

type OutlineNode = Awaited<ReturnType<PDFDocumentProxy['getOutline']>>[number];

/** The most bookmarks read (a hostile file may hold millions). */
const MAX_ENTRIES = 2000;

async function pageOf(pdf: PDFDocumentProxy, dest: OutlineNode['dest']): Promise<number | null> {
  try {
    const explicit = typeof dest === 'string' ? await pdf.getDestination(dest) : dest;
    const target: unknown = explicit?.[0];
    if (typeof target === 'number') return target;
    if (target && typeof target === 'object')
      return await pdf.getPageIndex(target as Parameters<PDFDocumentProxy['getPageIndex']>[0]);
  } catch {
    // A broken destination: left out.
  }
  return null;
}

/** The outline of `pdf`, flattened in reading order; empty when the PDF has none. */
export async function readOutline(pdf: PDFDocumentProxy): Promise<OutlineEntry[]> {
  const entries: OutlineEntry[] = [];
  const walk = async (nodes: readonly OutlineNode[], depth: number): Promise<void> => {
    for (const node of nodes) {
      if (entries.length >= MAX_ENTRIES) return;
      const page = node.dest ? await pageOf(pdf, node.dest) : null;
      const title = node.title.replace(/\s+/g, ' ').trim();
      if (page !== null && page >= 0 && page < pdf.numPages && title) entries.push({ title, depth, page });
      if (node.items.length && depth < 6) await walk(node.items, depth + 1);
    }
  };
  await walk((await pdf.getOutline()) ?? [], 0);
  return entries;
}
