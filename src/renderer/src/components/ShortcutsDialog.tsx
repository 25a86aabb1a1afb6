import { COMMANDS } from '@core/common/commands';
import { formatShortcut } from '../lib/keys';
import { Modal } from './Modal';

/** Keys the reader handles itself (they act on the article, so they are not palette commands). */
const READER_KEYS: [string, string][] = [
  ['H', 'Highlight the selected text'],
  ['N / P', 'Next / previous highlight'],
  ['Shift+F10', 'Menu of the active highlight (colours, note, tags, copy, delete)'],
  ['Esc', 'Back to the list'],
  ['Ctrl+Enter', 'Clip (in the clip dialog)'],
];

/** The `?` cheat sheet: every shortcut in one table. */
export function ShortcutsDialog({ onClose }: { onClose: () => void }) {
  const rows: [string, string][] = COMMANDS.flatMap((c) =>
    'keys' in c ? [[formatShortcut(c.keys), c.title] as [string, string]] : [],
  );
  return (
    <Modal label="Keyboard shortcuts" className="modal shortcuts" onClose={onClose}>
      <div className="modal-head">
        <h2>Keyboard shortcuts</h2>
        <button type="button" className="button small" onClick={onClose} autoFocus>
          Close
        </button>
      </div>
      <div className="shortcuts-columns">
        {[
          ['Everywhere', rows],
          ['In the reader', READER_KEYS],
        ].map(([title, list]) => (
          <table key={title as string} className="shortcuts-table">
            <caption>{title as string}</caption>
            <tbody>
              {(list as [string, string][]).map(([keys, what]) => (
                <tr key={what}>
                  <td>
                    <kbd>{keys}</kbd>
                  </td>
                  <td>{what}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ))}
      </div>
    </Modal>
  );
}
