/** pdf.js's standard fonts and CMaps in the bundle (scripts/pdfjsDataPlugin.ts): file name → base64 loader. */
declare module 'virtual:pdfjs-data' {
  type Table = Record<string, () => Promise<{ default: string }>>;
  export const standardFonts: Table;
  export const cMaps: Table;
}
