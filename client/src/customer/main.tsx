// Entry of the customer's join page (/j#<token>).
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '../ui/base.css';
import './customer.css';
import { JoinApp } from './join-app.tsx';

const root = document.getElementById('root');
if (!root) throw new Error('The page has no #root element.');
createRoot(root).render(
  <StrictMode>
    <JoinApp />
  </StrictMode>,
);
