/** The choices and bounds of each setting: plain values, shared by the schema and the renderer's controls. */

export const THEMES = ['system', 'light', 'dark', 'sepia'] as const;
export const FONT_FAMILIES = ['serif', 'sans'] as const;
/** The views the app reopens on start; `reader` and `notebook` also remember the clip or page that was open. */
export const VIEWS = ['library', 'highlights', 'search', 'settings', 'reader', 'notebook'] as const;

/** Reader font size in CSS pixels and line width in characters: the bounds the Aa popover offers. */
export const FONT_SIZE = { min: 14, max: 26, step: 1, default: 19 } as const;
export const LINE_WIDTH = { min: 48, max: 90, step: 4, default: 68 } as const;
/** The ports the clip endpoint may be set to (no privileged ports) and the one it prefers by default. */
export const ENDPOINT_PORT = { min: 1024, max: 65535, default: 7615 } as const;
/** How many clips remember where they were read to; the oldest entries are dropped beyond it. */
export const MAX_READ_POSITIONS = 300;
