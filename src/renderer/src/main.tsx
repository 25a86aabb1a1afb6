import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import './styles/base.css';
import './styles/app.css';
import './styles/library.css';
import './styles/reader.css';
import './styles/search.css';
import './styles/dialog.css';

function Unavailable() {
  return (
    <div className="fatal">
      <h1>Gloss can’t reach its library</h1>
      <p>The connection between this window and the app is missing. Restart Gloss; if that doesn’t help, reinstall it.</p>
    </div>
  );
}

const root = createRoot(document.getElementById('root') as HTMLElement);
root.render(<StrictMode>{typeof window.gloss === 'object' && window.gloss ? <App /> : <Unavailable />}</StrictMode>);
