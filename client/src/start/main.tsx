// Entry of the front door (/start): in the language the address asks for (?lang= or #lang=), else the
// browser's; the customer can switch it on the page.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './start.css';
import { applyLanguage, chooseLanguage, leaveOutConsoleMessages } from '../i18n/i18n.ts';
import { StartApp } from './start-app.tsx';
import { startLanguage } from './start-link.ts';

leaveOutConsoleMessages();
await applyLanguage(chooseLanguage(startLanguage()));

const root = document.getElementById('root');
if (!root) throw new Error('The page has no #root element.');
createRoot(root).render(
  <StrictMode>
    <StartApp />
  </StrictMode>,
);
