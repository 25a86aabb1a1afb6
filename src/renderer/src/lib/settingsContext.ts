import { createContext, useContext } from 'react';
import type { Settings, SettingsPatch } from '@core/settings/schema';

export interface SettingsState {
  /** `null` until the first `getSettings()` answers. */
  settings: Settings | null;
  /** Changes some settings (applied on screen at once, saved through the core). */
  update(patch: SettingsPatch): void;
}

export const SettingsContext = createContext<SettingsState>({ settings: null, update: () => {} });

/** The app's settings and a way to change them. */
export function useSettingsContext(): SettingsState {
  return useContext(SettingsContext);
}
