import { GearIcon } from './GearIcon';
import { FolderIcon, LibraryIcon, NotebookIcon, PlusIcon, SearchIcon, Wordmark } from './Icons';

export type NavTarget = 'library' | 'search' | 'notebook' | 'settings';

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
      <button type="button" className="button primary clip-button" onClick={onClip}>
        <PlusIcon /> Clip
      </button>
      <ul className="nav-list">
        <li>
          <button
            type="button"
            className="nav-item"
            aria-current={current === 'library' ? 'page' : undefined}
            onClick={() => onNavigate('library')}
          >
            <LibraryIcon />
            <span className="nav-label">Library</span>
            {clipCount !== null && clipCount > 0 && <span className="nav-count">{clipCount}</span>}
          </button>
        </li>
        <li>
          <button
            type="button"
            className="nav-item"
            aria-current={current === 'search' ? 'page' : undefined}
            onClick={() => onNavigate('search')}
          >
            <SearchIcon />
            <span className="nav-label">Search</span>
            <kbd className="nav-kbd">/</kbd>
          </button>
        </li>
        <li>
          <button
            type="button"
            className="nav-item"
            aria-current={current === 'notebook' ? 'page' : undefined}
            onClick={() => onNavigate('notebook')}
          >
            <NotebookIcon />
            <span className="nav-label">Notebook</span>
          </button>
        </li>
        <li>
          <button
            type="button"
            className="nav-item"
            aria-current={current === 'settings' ? 'page' : undefined}
            onClick={() => onNavigate('settings')}
          >
            <GearIcon />
            <span className="nav-label">Settings</span>
          </button>
        </li>
      </ul>
      <div className="sidebar-foot" title={libraryPath ?? undefined}>
        <FolderIcon size={14} />
        <span className="library-path">{libraryPath ?? '…'}</span>
      </div>
    </nav>
  );
}
