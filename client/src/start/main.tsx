// Entry of the front door (/start).
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '../ui/base.css';
import './start.css';
import { StartApp } from './start-app.tsx';

const root = document.getElementById('root');
if (!root) throw new Error('The page has no #root element.');
createRoot(root).render(
  <StrictMode>
    <StartApp />
  </StrictMode>,
);
