import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { resolveTheme, systemPrefersDark } from './lib/appearance';
import './styles/base.css';
import './styles/app.css';
import './styles/library.css';
import './styles/reader.css';
import './styles/search.css';
import './styles/dialog.css';
import './styles/themes.css';
import './styles/desktop.css';
import './styles/jobs.css';
import './styles/responsive.css';

function Unavailable() {
  return (
    <div className="fatal">
      <h1>Gloss can’t reach its library</h1>
      <p>
        The connection between this window and the app is missing. Restart Gloss; if that doesn’t help, reinstall it.
      </p>
    </div>
  );
}

// The system's theme until the settings arrive, so the first paint is never the wrong colour.
document.documentElement.dataset['theme'] = resolveTheme('system', systemPrefersDark());

const root = createRoot(document.getElementById('root') as HTMLElement);
root.render(<StrictMode>{typeof window.gloss === 'object' && window.gloss ? <App /> : <Unavailable />}</StrictMode>);
