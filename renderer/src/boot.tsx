import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import './styles.css';
import { installChineseAria } from './aria-zh';

// The app, loaded by main.tsx once the first calls are on their way.
installChineseAria();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
