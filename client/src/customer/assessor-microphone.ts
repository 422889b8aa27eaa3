// Whether the assessor has muted their microphone, as the console tells the page (`assessor-microphone`
// on the data channel): shown beside the call's title while live, and said to a screen reader when it
// goes off and when it comes back on (not on connect, when it was never off).
import { useEffect, useRef, useState } from 'react';
import type { MessageChannel } from '../call/message-bus.ts';
import { i18next } from '../i18n/i18n.ts';
import { useAnnounce } from './announcer.tsx';

/** True while the call is live and the assessor's microphone is off. */
export function useAssessorMicrophone(messages: MessageChannel, live: boolean): boolean {
  const [off, setOff] = useState(false);
  const announce = useAnnounce();
  const heardOff = useRef(false);
  useEffect(() => messages.on('assessor-microphone', (message) => setOff(!message.on)), [messages]);
  const shown = live && off;
  useEffect(() => {
    if (!live) return;
    if (off) heardOff.current = true;
    else if (!heardOff.current) return;
    announce({ topic: 'assessor-microphone', value: off ? 'off' : 'on', text: i18next.t(off ? 'customer:speaking.micOff' : 'customer:speaking.micOn'), urgency: 'polite' });
  }, [live, off, announce]);
  return shown;
}
