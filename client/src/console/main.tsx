// Entry of the assessor console (/ and /console).
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './console.css';
import { ConsoleApp } from './app/console-app.tsx';
import { applyLanguage, chooseLanguage } from '../i18n/i18n.ts';

// The sign-in screen speaks the browser's language; once signed in, the console switches to the
// user's own setting when they chose one (app/console-app.tsx).
await applyLanguage(chooseLanguage());

const root = document.getElementById('root');
if (!root) throw new Error('The page has no #root element.');
createRoot(root).render(
  <StrictMode>
    <ConsoleApp />
  </StrictMode>,
);
