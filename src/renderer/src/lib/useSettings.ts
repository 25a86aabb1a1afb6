import { useCallback, useEffect, useState } from 'react';
import type { Settings, SettingsPatch } from '@core/settings/schema';
import { applyAppearance, watchSystemTheme } from './appearance';
import type { ReportError } from './report';
import type { SettingsState } from './settingsContext';

/**
 * Loads the settings, keeps the page's appearance in step with them (and with the system theme), and saves
 * changes through `updateSettings`. Changes show at once; the core's answer is the truth afterwards.
 * `onLoaded` runs once with the stored settings (to reopen the last view).
 */
export function useSettings(report: ReportError, onLoaded?: (settings: Settings) => void): SettingsState {
  const [settings, setSettings] = useState<Settings | null>(null);

  useEffect(() => {
    let live = true;
    window.gloss.getSettings().then(
      (s) => {
        if (!live) return;
        setSettings(s);
        onLoaded?.(s);
      },
      (e) => live && report('Couldn’t read your settings', e),
    );
    return () => {
      live = false;
    };
  }, [report, onLoaded]);

  useEffect(() => {
    if (!settings) return;
    applyAppearance(settings);
    return watchSystemTheme(() => applyAppearance(settings));
  }, [settings]);

  const update = useCallback(
    (patch: SettingsPatch) => {
      if (patch.theme || patch.reader) {
        setSettings(
          (current) =>
            current && {
              ...current,
              ...(patch.theme && { theme: patch.theme }),
              reader: { ...current.reader, ...patch.reader },
            },
        );
      }
      window.gloss.updateSettings(patch).then(
        (saved) => setSettings(saved),
        (e) => report('Couldn’t save your settings', e),
      );
    },
    [report],
  );

  return { settings, update };
}
