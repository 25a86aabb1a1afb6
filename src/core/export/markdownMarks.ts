/**
 * The fixed lines of an exported clip's Markdown file that an import reads back (export/markdown.ts writes
 * them, import/glossMarkdown.ts finds them). Kept apart so that imports do not load turndown.
 */

/** The heading of the highlights section, the last `## ` heading of an exported clip's file. */
export const HIGHLIGHTS_HEADING = '## Highlights';

/** The line written under an orphaned highlight (one that has no place in the text). */
export const ORPHAN_LINE = "*This highlight couldn't be placed in the article text.*";
