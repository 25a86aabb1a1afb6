/**
 * Puts the appearance settings on the page: the theme as `data-theme` on <html> ("system" resolved from
 * `prefers-color-scheme`, which Electron maps from nativeTheme) and the reader's font, size and measure as
 * CSS variables the stylesheets read.
 */
import type { Settings, Theme } from '@core/settings/schema';

export type ResolvedTheme = Exclude<Theme, 'system'>;

const DARK_QUERY = '(prefers-color-scheme: dark)';

/** Whether the operating system asks for dark mode. */
export function systemPrefersDark(): boolean {
  return window.matchMedia(DARK_QUERY).matches;
}

/** Calls `onChange` whenever the system switches between light and dark; returns the unsubscribe. */
export function watchSystemTheme(onChange: () => void): () => void {
  const query = window.matchMedia(DARK_QUERY);
  query.addEventListener('change', onChange);
  return () => query.removeEventListener('change', onChange);
}

/** The theme to paint: the setting itself, or the system's light or dark for "system". */
export function resolveTheme(theme: Theme, prefersDark: boolean): ResolvedTheme {
  if (theme !== 'system') return theme;
  return prefersDark ? 'dark' : 'light';
}

/** The theme a light/dark toggle switches to from what is on screen now. */
export function toggledTheme(theme: Theme, prefersDark: boolean): Theme {
  return resolveTheme(theme, prefersDark) === 'dark' ? 'light' : 'dark';
}

/** Applies the theme and reader settings to <html>. */
export function applyAppearance(settings: Pick<Settings, 'theme' | 'reader'>, prefersDark = systemPrefersDark()): void {
  const root = document.documentElement;
  root.dataset['theme'] = resolveTheme(settings.theme, prefersDark);
  root.style.setProperty('--reader-font-size', `${settings.reader.fontSize}px`);
  root.style.setProperty('--reader-line-width', `${settings.reader.lineWidth}ch`);
  root.style.setProperty(
    '--reader-font',
    settings.reader.fontFamily === 'sans' ? 'var(--font-ui)' : 'var(--font-serif)',
  );
}
