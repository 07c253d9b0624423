import './first-calls'; // before the app: its calls run while the app's scripts are evaluated
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import './styles.css';
import { installChineseAria } from './aria-zh';

installChineseAria();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
