// The renderer's entry: React on the page's root; everything reaches main through window.vigie.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './components/App';

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
