// Entry of the customer's join page (/j#<token>): the language is started (the link's `lang=`, else the
// browser's) before the first render, so the loading screen is already in it.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { applyLanguage, leaveOutConsoleMessages } from '../i18n/i18n.ts';
import { Announcer } from './announcer.tsx';
import './customer.css';
import { linkLanguage } from './customer-language.ts';
import { fetchJoin } from './join-api.ts';
import { JoinApp } from './join-app.tsx';
import { takeJoinLink } from './join-token.ts';

const root = document.getElementById('root');
if (!root) throw new Error('The page has no #root element.');
const link = takeJoinLink();
// Asked for at once, while the language's messages arrive and the first screen renders: the answer says what the page shows.
const firstJoin = link.token ? fetchJoin(link.token) : null;
firstJoin?.catch(() => undefined);
leaveOutConsoleMessages();
await applyLanguage(linkLanguage(link.lang ?? null));
createRoot(root).render(
  <StrictMode>
    <Announcer>
      <JoinApp link={link} firstJoin={firstJoin} />
    </Announcer>
  </StrictMode>,
);
