import type { ReactNode } from 'react';

/** A button showing only an icon, named by `label` (its accessible name and its tooltip). */
export function IconButton({
  label,
  className,
  onClick,
  children,
}: {
  label: string;
  /** Extra classes beside `icon-button` (e.g. `small`, `danger`). */
  className?: string;
  onClick: () => void;
  children: ReactNode;
}) {
  return (
    <button
      type="button"
      className={className ? `icon-button ${className}` : 'icon-button'}
      aria-label={label}
      title={label}
      onClick={onClick}
    >
      {children}
    </button>
  );
}
