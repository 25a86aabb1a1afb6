/** Type declarations for the export libraries that ship none: only what Gloss uses. */
declare module '@joplin/turndown-plugin-gfm' {
  import type TurndownService from 'turndown';
  export const gfm: TurndownService.Plugin;
  export const tables: TurndownService.Plugin;
}

declare module '@citation-js/core' {
  export class Cite {
    constructor(data: unknown);
    data: Array<Record<string, unknown>>;
    format(format: string, options?: Record<string, unknown>): string;
  }
  export const plugins: {
    config: { get(name: string): { styles: { add(name: string, xml: string): void; has(name: string): boolean } } };
  };
}

declare module '@citation-js/plugin-bibtex';
declare module '@citation-js/plugin-csl';

declare module '@citation-js/name' {
  /** Parses a personal name ("Vincent van Gogh") into CSL-JSON parts. */
  export function parse(name: string): Record<string, string>;
}
