// Who a chat line is from, in the words of the page showing it. Pure, so it is unit tested.
import type { ChatAuthor } from '../../../protocol/http.ts';
import { i18next } from '../i18n/i18n.ts';

/** A line as a page holds it: stored, received over the data channel, or typed here and not yet stored. */
export interface ChatEntry {
  id: string;
  from: 'customer' | 'assessor';
  text: string;
  at: string;
  /** Who wrote a staff line; the user id only where the line came from the server (the console). */
  author?: Pick<ChatAuthor, 'role' | 'name'> & { userId?: string };
  /** For the assessor alone: never passed to the customer. */
  whisper?: boolean;
  /** False while a line sent by this page is not yet confirmed delivered or stored. */
  delivered?: boolean;
  /** The writer's page language (BCP 47), when known; named beside the line when it is not the reader's. */
  language?: string;
}

/** The customer's page, or a staff member's console (`userId`: whose). */
export type ChatViewer = { side: 'customer' } | { side: 'staff'; userId: string | null };

const ROLE_KEY: Record<ChatAuthor['role'], string> = { assessor: 'chat:roleAssessor', expert: 'chat:roleExpert', supervisor: 'chat:roleSupervisor', admin: 'chat:roleAdmin' };

/** Whether the viewer wrote the line: on a console, a staff line without an author is one typed here and not yet stored. */
export function isMine(line: ChatEntry, viewer: ChatViewer): boolean {
  if (viewer.side === 'customer') return line.from === 'customer';
  return line.from === 'assessor' && (line.author?.userId === undefined || line.author.userId === viewer.userId);
}

/** "You", "Customer", "Assessor", or "Name · Expert" for a participant (and, on a console, for another staff member). */
export function authorLabel(line: ChatEntry, viewer: ChatViewer): string {
  if (isMine(line, viewer)) return i18next.t('chat:you');
  if (line.from === 'customer') return i18next.t('chat:customer');
  const author = line.author;
  if (!author || (viewer.side === 'customer' && author.role === 'assessor')) return i18next.t('chat:roleAssessor');
  return i18next.t('chat:staff', { name: author.name, role: i18next.t(ROLE_KEY[author.role]) });
}
