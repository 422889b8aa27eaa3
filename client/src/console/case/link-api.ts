// The console's calls about a case's join link after issue: show it again, send it, list the sends,
// and which channels this server can send by.
import { z } from 'zod';
import { ConsoleSettings, JoinLinkView, LinkSendView, type SendLinkBody } from '../../../../protocol/http.ts';
import { apiFetch } from '../../lib/api.ts';

const linkPath = (id: string, rest = ''): string => `/api/cases/${encodeURIComponent(id)}/join-link${rest}`;

export const linkApi = {
  show: (caseId: string) => apiFetch(linkPath(caseId), JoinLinkView),
  send: (caseId: string, body: SendLinkBody) => apiFetch(linkPath(caseId, '/send'), LinkSendView, { body }),
  sends: (caseId: string) => apiFetch(linkPath(caseId, '/sends'), z.object({ sends: z.array(LinkSendView) })).then((r) => r.sends),
  /** From `GET /api/me`, beside the user. */
  settings: () => apiFetch('/api/me', ConsoleSettings),
};
