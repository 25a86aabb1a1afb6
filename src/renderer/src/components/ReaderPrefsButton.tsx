import { useEffect, useRef, useState } from 'react';
import { useSettingsContext } from '../lib/settingsContext';
import { ReaderPrefsControls } from './ReaderPrefsControls';

/** The reader header's "Aa" button: a popover with theme, font, text size and line width. */
export function ReaderPrefsButton() {
  const { settings, update } = useSettingsContext();
  const [open, setOpen] = useState(false);
  const wrapRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    const onDown = (e: MouseEvent) => {
      if (!wrapRef.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', onDown);
    return () => document.removeEventListener('mousedown', onDown);
  }, [open]);

  if (!settings) return null;
  return (
    <div
      className="prefs-wrap"
      ref={wrapRef}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && open) {
          e.stopPropagation();
          setOpen(false);
          buttonRef.current?.focus();
        }
      }}
    >
      <button
        ref={buttonRef}
        type="button"
        className="button ghost aa-button"
        aria-label="Reading preferences"
        aria-haspopup="dialog"
        aria-expanded={open}
        onClick={() => setOpen((o) => !o)}
      >
        <span aria-hidden="true">Aa</span>
      </button>
      {open && (
        <div className="popover prefs-popover" role="dialog" aria-label="Reading preferences">
          <ReaderPrefsControls theme={settings.theme} reader={settings.reader} onChange={update} />
        </div>
      )}
    </div>
  );
}
