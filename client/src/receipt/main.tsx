// Entry of the public settlement receipt (/receipt#<code>, `&lang=<tag>` after the code when the link
// names a language; else the browser's).
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './receipt.css';
import { applyLanguage, chooseLanguage, leaveOutConsoleMessages } from '../i18n/i18n.ts';
import { parseReceiptHash } from './receipt-link.ts';
import { ReceiptApp } from './receipt-app.tsx';

leaveOutConsoleMessages();
await applyLanguage(chooseLanguage(parseReceiptHash(location.hash).language));

const root = document.getElementById('root');
if (!root) throw new Error('The page has no #root element.');
createRoot(root).render(
  <StrictMode>
    <ReceiptApp />
  </StrictMode>,
);
