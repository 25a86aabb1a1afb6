import type { ComponentType } from 'react';
import {
  GearIcon,
  FolderIcon,
  HighlighterIcon,
  LibraryIcon,
  NotebookIcon,
  PlusIcon,
  SearchIcon,
  TrashIcon,
  Wordmark,
} from './Icons';

export type NavTarget = 'library' | 'highlights' | 'search' | 'notebook' | 'settings' | 'trash';

/** The sidebar's places, in order, with the key that reaches each from anywhere (when there is one). */
const NAV_ITEMS: Array<{ target: NavTarget; label: string; Icon: ComponentType<{ size?: number }>; kbd?: string }> = [
  { target: 'library', label: 'Library', Icon: LibraryIcon },
  { target: 'highlights', label: 'Highlights', Icon: HighlighterIcon },
  { target: 'search', label: 'Search', Icon: SearchIcon, kbd: '/' },
  { target: 'notebook', label: 'Notebook', Icon: NotebookIcon },
  { target: 'trash', label: 'Trash', Icon: TrashIcon },
  { target: 'settings', label: 'Settings', Icon: GearIcon },
];

export function Sidebar({
  current,
  clipCount,
  libraryPath,
  onNavigate,
  onClip,
}: {
  current: NavTarget | null;
  clipCount: number | null;
  libraryPath: string | null;
  onNavigate: (target: NavTarget) => void;
  onClip: () => void;
}) {
  return (
    <nav className="sidebar" aria-label="Main">
      <div className="sidebar-brand">
        <Wordmark />
      </div>
      <button type="button" className="button primary clip-button" onClick={onClip} title="Clip an article">
        <PlusIcon /> Clip
      </button>
      <ul className="nav-list">
        {NAV_ITEMS.map(({ target, label, Icon, kbd }) => (
          <li key={target}>
            <button
              type="button"
              className="nav-item"
              title={label}
              aria-current={current === target ? 'page' : undefined}
              onClick={() => onNavigate(target)}
            >
              <Icon />
              <span className="nav-label">{label}</span>
              {target === 'library' && clipCount !== null && clipCount > 0 && (
                <span className="nav-count">{clipCount}</span>
              )}
              {kbd && <kbd className="nav-kbd">{kbd}</kbd>}
            </button>
          </li>
        ))}
      </ul>
      <div className="sidebar-foot" title={libraryPath ?? undefined}>
        <FolderIcon size={14} />
        <span className="library-path">{libraryPath ?? '…'}</span>
      </div>
    </nav>
  );
}
