/**
 * File names for exported clips: readable (the title), safe on every platform, never outside the
 * export folder, and unique within one export.
 */

/** Names Windows reserves for devices, with or without an extension. */
const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i;
/**
 * Characters no file name may hold on Windows, macOS or Linux, control characters, and those that
 * would break an Obsidian link to the file (`[[name#^block]]`): `#`, `^`, `[` and `]`.
 */
// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[<>:"/\\|?*#^[\]\u0000-\u001f\u007f]/g;
/** Long enough to read, short enough for path limits once a folder and extension are added. */
const MAX_STEM = 100;

/**
 * A safe file stem from a title: forbidden characters become spaces, runs of spaces collapse,
 * leading dots (hidden files, `..`) and trailing dots and spaces (Windows drops them) go,
 * reserved device names get a suffix; `fallback` (e.g. the clip id) when nothing is left.
 */
export function safeFileStem(title: string, fallback: string): string {
  let stem = title.normalize('NFC').replace(FORBIDDEN, ' ').replace(/\s+/g, ' ').trim();
  stem = stem.replace(/^[.\s]+/, '');
  stem = Array.from(stem).slice(0, MAX_STEM).join('');
  stem = stem.replace(/[.\s]+$/, '');
  if (!stem) stem = fallback;
  if (RESERVED.test(stem)) stem = `${stem} (clip)`;
  return stem;
}

/**
 * Hands out unique file names within one folder: the second "Notes.md" becomes "Notes (2).md".
 * Names are compared case-insensitively, as macOS and Windows do.
 */
export class FileNamer {
  private readonly taken = new Set<string>();

  /** A unique safe name `<stem>.<extension>` for `title`. */
  name(title: string, fallback: string, extension: string): string {
    const stem = safeFileStem(title, fallback);
    for (let n = 1; ; n++) {
      const name = `${n === 1 ? stem : `${stem} (${n})`}.${extension}`;
      if (!this.taken.has(name.toLowerCase())) {
        this.taken.add(name.toLowerCase());
        return name;
      }
    }
  }
}
