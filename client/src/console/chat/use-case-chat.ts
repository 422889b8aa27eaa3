// The case's chat on a console: the stored lines and those of this call, sending (to the customer over
// the data channel, and stored over HTTP), and — on the case's assessor's console only — passing the
// session's participants' lines on to the customer, as they arrive and when the channel (re)opens.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ChatLine } from '../../../../protocol/http.ts';
import type { MessageChannel } from '../../call/message-bus.ts';
import { i18next } from '../../i18n/i18n.ts';
import { messageOf } from '../../lib/api.ts';
import { randomId } from '../../lib/ids.ts';
import type { Tone } from '../../ui/banner.tsx';
import type { ChatEntry } from '../../ui/chat-panel.tsx';
import { consoleApi } from '../app/console-api.ts';
import { forwardMessage, linesToForward } from './chat-forward.ts';

export interface CaseChatDeps {
  caseId: string;
  /** The case's stored lines, kept current by console events; null while the case loads. */
  stored: ChatLine[] | null;
  messages: MessageChannel;
  channelOpen: boolean;
  /** The viewer's user id: whose lines are "You", and whose the console does not pass on. */
  selfId: string | null;
  /** The case's assessor's console: the one that talks to the customer. */
  lead: boolean;
  addChat: (line: ChatLine) => void;
  notify: (tone: Tone, text: string) => void;
}

export function useCaseChat({ caseId, stored, messages, channelOpen, selfId, lead, addChat, notify }: CaseChatDeps) {
  const [liveChat, setLiveChat] = useState<ChatEntry[]>([]);
  const send = messages.send;

  useEffect(
    () =>
      messages.on('chat', (message) => {
        setLiveChat((lines) => [...lines.filter((l) => l.id !== message.id), { id: message.id, from: 'customer', text: message.text, at: message.at, ...(message.language ? { language: message.language } : {}) }]);
      }),
    [messages],
  );

  // The lines already there when the case opened are not passed on: the customer never gets history.
  const given = useRef<Set<string> | null>(null);
  useEffect(() => {
    if (!stored || !lead || selfId === null) return;
    if (given.current === null) {
      given.current = new Set(stored.map((l) => l.id));
      return;
    }
    if (!channelOpen) return;
    for (const line of linesToForward(stored, given.current, selfId)) {
      send(forwardMessage(line));
      given.current.add(line.id);
    }
  }, [stored, lead, selfId, channelOpen, send]);

  const chat = useMemo(() => {
    const storedLines: ChatEntry[] = stored ?? [];
    const storedIds = new Set(storedLines.map((l) => l.id));
    return [...storedLines, ...liveChat.filter((l) => !storedIds.has(l.id))].sort((a, b) => a.at.localeCompare(b.at));
  }, [stored, liveChat]);

  const sendChat = useCallback(
    (text: string) => {
      // The customer's page names the console's language beside the line when it reads another.
      const language = i18next.language;
      const line: ChatEntry = { id: randomId(), from: 'assessor', text, at: new Date().toISOString(), delivered: false, language };
      setLiveChat((lines) => [...lines, line]);
      // A participant's line reaches the customer through the assessor's console, once it is stored.
      if (lead) send({ v: 1, type: 'chat', id: line.id, text, at: line.at, language });
      consoleApi.postChat(caseId, { id: line.id, text, language }).then(addChat, (e: unknown) => notify('error', i18next.t('console:chat.notSaved', { error: messageOf(e) })));
    },
    [send, lead, caseId, addChat, notify],
  );

  return { chat, sendChat };
}
