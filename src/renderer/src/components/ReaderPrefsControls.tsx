import { FONT_SIZE, LINE_WIDTH, THEMES } from '@core/common/settingsLimits';
import type { ReaderSettings, SettingsPatch, Theme } from '@core/settings/schema';

const THEME_LABELS: Record<Theme, string> = { system: 'System', light: 'Light', dark: 'Dark', sepia: 'Sepia' };

function Stepper(props: {
  label: string;
  value: string;
  onLess: () => void;
  onMore: () => void;
  lessDisabled: boolean;
  moreDisabled: boolean;
}) {
  return (
    <div className="pref-row">
      <span className="pref-label" id={`pref-${props.label}`}>
        {props.label}
      </span>
      <div className="stepper" role="group" aria-labelledby={`pref-${props.label}`}>
        <button
          type="button"
          className="button"
          aria-label={`Smaller ${props.label.toLowerCase()}`}
          disabled={props.lessDisabled}
          onClick={props.onLess}
        >
          −
        </button>
        <output className="stepper-value" aria-live="polite">
          {props.value}
        </output>
        <button
          type="button"
          className="button"
          aria-label={`Larger ${props.label.toLowerCase()}`}
          disabled={props.moreDisabled}
          onClick={props.onMore}
        >
          +
        </button>
      </div>
    </div>
  );
}

/** Theme, font, text size and line width: shown in the reader's Aa popover and on the Settings screen. */
export function ReaderPrefsControls({
  theme,
  reader,
  onChange,
}: {
  theme: Theme;
  reader: ReaderSettings;
  onChange: (patch: SettingsPatch) => void;
}) {
  const size = (fontSize: number) => onChange({ reader: { fontSize } });
  const width = (lineWidth: number) => onChange({ reader: { lineWidth } });
  return (
    <div className="reader-prefs">
      <fieldset className="pref-row segmented">
        <legend className="pref-label">Theme</legend>
        {THEMES.map((t) => (
          <label key={t} className={`segment theme-swatch-${t}`}>
            <input
              type="radio"
              name="gloss-theme"
              value={t}
              checked={theme === t}
              onChange={() => onChange({ theme: t })}
            />
            <span>{THEME_LABELS[t]}</span>
          </label>
        ))}
      </fieldset>
      <fieldset className="pref-row segmented">
        <legend className="pref-label">Font</legend>
        <label className="segment font-serif">
          <input
            type="radio"
            name="gloss-font"
            value="serif"
            checked={reader.fontFamily === 'serif'}
            onChange={() => onChange({ reader: { fontFamily: 'serif' } })}
          />
          <span>Serif</span>
        </label>
        <label className="segment font-sans">
          <input
            type="radio"
            name="gloss-font"
            value="sans"
            checked={reader.fontFamily === 'sans'}
            onChange={() => onChange({ reader: { fontFamily: 'sans' } })}
          />
          <span>Sans</span>
        </label>
      </fieldset>
      <Stepper
        label="Text size"
        value={`${reader.fontSize}px`}
        lessDisabled={reader.fontSize <= FONT_SIZE.min}
        moreDisabled={reader.fontSize >= FONT_SIZE.max}
        onLess={() => size(reader.fontSize - FONT_SIZE.step)}
        onMore={() => size(reader.fontSize + FONT_SIZE.step)}
      />
      <Stepper
        label="Line width"
        value={`${reader.lineWidth} ch`}
        lessDisabled={reader.lineWidth <= LINE_WIDTH.min}
        moreDisabled={reader.lineWidth >= LINE_WIDTH.max}
        onLess={() => width(reader.lineWidth - LINE_WIDTH.step)}
        onMore={() => width(reader.lineWidth + LINE_WIDTH.step)}
      />
    </div>
  );
}
