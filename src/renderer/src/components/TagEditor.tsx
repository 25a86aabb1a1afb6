import { useId, useState } from 'react';
import { CloseIcon } from './Icons';

/**
 * Tags (or collections) as removable chips plus an input that adds one on Enter or comma, suggesting
 * names already used in the library. Changes are reported as the whole new list.
 */
export function TagEditor({
  values,
  suggestions,
  label,
  placeholder,
  autoFocus = false,
  onChange,
  onDone,
}: {
  values: string[];
  suggestions: string[];
  /** What the list holds, e.g. "Tags" or "Collections" (for screen readers). */
  label: string;
  placeholder: string;
  autoFocus?: boolean;
  onChange: (values: string[]) => void;
  onDone?: () => void;
}) {
  const [draft, setDraft] = useState('');
  const listId = useId();
  const add = (raw = draft) => {
    const name = raw.replace(/,$/, '').trim();
    setDraft('');
    if (name && !values.some((v) => v.toLowerCase() === name.toLowerCase())) onChange([...values, name]);
  };
  return (
    <div className="tag-editor" role="group" aria-label={label}>
      {values.map((v) => (
        <span key={v} className="tag-chip">
          {v}
          <button
            type="button"
            className="tag-remove"
            aria-label={`Remove ${v}`}
            title={`Remove ${v}`}
            onClick={() => onChange(values.filter((x) => x !== v))}
          >
            <CloseIcon size={11} />
          </button>
        </span>
      ))}
      <input
        className="tag-input"
        aria-label={`Add to ${label.toLowerCase()}`}
        placeholder={placeholder}
        value={draft}
        list={listId}
        autoFocus={autoFocus}
        onChange={(e) => (e.target.value.endsWith(',') ? add(e.target.value) : setDraft(e.target.value))}
        onBlur={() => {
          add();
          onDone?.();
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            add();
          } else if (e.key === 'Escape') {
            e.preventDefault();
            e.stopPropagation();
            setDraft('');
            onDone?.();
          } else if (e.key === 'Backspace' && !draft && values.length) {
            onChange(values.slice(0, -1));
          }
        }}
      />
      <datalist id={listId}>
        {suggestions
          .filter((s) => !values.includes(s))
          .map((s) => (
            <option key={s} value={s} />
          ))}
      </datalist>
    </div>
  );
}
