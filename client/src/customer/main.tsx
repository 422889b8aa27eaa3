// Entry of the customer's join page (/j#<token>): the language is started (the link's `lang=`, else the
// browser's) before the first render, so the loading screen is already in it; its messages were asked
// for by language-start.ts, the first module to run.
import { link, openingLanguage } from './language-start.ts';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { applyLanguage } from '../i18n/i18n.ts';
import { Announcer } from './announcer.tsx';
import './customer.css';
import { fetchJoin } from './join-api.ts';
import { JoinApp } from './join-app.tsx';

const root = document.getElementById('root');
if (!root) throw new Error('The page has no #root element.');
// Asked for at once, while the language's messages arrive and the first screen renders: the answer says what the page shows.
const firstJoin = link.token ? fetchJoin(link.token) : null;
firstJoin?.catch(() => undefined);
await applyLanguage(openingLanguage);
createRoot(root).render(
  <StrictMode>
    <Announcer>
      <JoinApp link={link} firstJoin={firstJoin} />
    </Announcer>
  </StrictMode>,
);
