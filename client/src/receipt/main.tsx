// Entry of the public settlement receipt (/receipt#<code>).
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '../ui/base.css';
import './receipt.css';
import { ReceiptApp } from './receipt-app.tsx';

const root = document.getElementById('root');
if (!root) throw new Error('The page has no #root element.');
createRoot(root).render(
  <StrictMode>
    <ReceiptApp />
  </StrictMode>,
);
