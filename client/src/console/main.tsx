// Entry of the assessor console (/ and /console).
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './console.css';
import { ConsoleApp } from './app/console-app.tsx';
import { applyLanguage } from '../i18n/i18n.ts';

// The console is in English until it has its own language setting; the parts it shares with the
// customer's page (chat, banners) read their words from the message files.
await applyLanguage('en');

const root = document.getElementById('root');
if (!root) throw new Error('The page has no #root element.');
createRoot(root).render(
  <StrictMode>
    <ConsoleApp />
  </StrictMode>,
);
