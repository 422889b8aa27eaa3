// The call's events said to a screen reader in the page's language: the call's state as it changes,
// each message from the assessor, and each request arriving (a photo, another mode, an identity check, a
// settlement offer). Requests come by data-channel subscription (one live at a time, so never twice);
// the state comes from an effect, which StrictMode runs twice — announcements.ts drops the repeat.
import { useEffect, useRef } from 'react';
import type { MessageChannel } from '../call/message-bus.ts';
import { i18next } from '../i18n/i18n.ts';
import { authorLabel } from '../ui/chat-words.ts';
import type { Announcement } from './announcements.ts';
import { useAnnounce } from './announcer.tsx';
import type { CallPhase } from './call-phase.ts';
import type { PhotoStatus } from './use-customer-call.ts';
import { MODE_LABEL } from './modes.ts';

const t = (key: string, values?: Record<string, unknown>): string => i18next.t(`customer:announce.${key}`, values);

/** What the page says when the call enters `phase`; null for a phase the ended screen speaks for. */
export function phaseAnnouncement(phase: CallPhase, expired: boolean, incoming: boolean, name: string): Announcement | null {
  const base = { topic: 'call-state', value: phase } as const;
  switch (phase) {
    case 'waiting':
      return { ...base, text: t('waiting', { name }), urgency: 'polite' };
    case 'connecting':
      return { ...base, text: incoming ? t('connectingTo', { name }) : t('connecting'), urgency: 'polite' };
    case 'in-call':
      return { ...base, text: t('connected', { name }), urgency: 'polite' };
    case 'reconnecting':
      return { ...base, text: t('reconnecting'), urgency: 'assertive' };
    case 'ended':
      return expired ? { ...base, value: 'expired', text: i18next.t('customer:call.expired'), urgency: 'assertive' } : null;
    case 'left':
      return null;
  }
}

/**
 * `live`: the assessor is on the call (a photo goes to them, else it is kept with the case); `photo`: the
 * requested photo's progress; `captionsUnavailable`: captions were turned on and this device cannot make them.
 */
export function useCallAnnouncements(props: { phase: CallPhase; expired: boolean; incoming: boolean; assessor: string | null; live: boolean; photo: PhotoStatus; captionsUnavailable: boolean; messages: MessageChannel }) {
  const announce = useAnnounce();
  const { phase, expired, incoming, live, messages } = props;
  const name = props.assessor ?? i18next.t('customer:yourAssessor');
  const who = useRef(name);
  who.current = name;

  useEffect(() => {
    const said = phaseAnnouncement(phase, expired, incoming, who.current);
    if (said) announce(said);
  }, [phase, expired, incoming, announce]);

  const sent = props.photo?.state === 'sent' ? props.photo.evidenceId : null;
  useEffect(() => {
    if (sent) announce({ topic: `photo-sent:${sent}`, value: 'sent', text: live ? t('photoSent', { name: who.current }) : t('photoSaved'), urgency: 'polite' });
  }, [sent, live, announce]);

  const { captionsUnavailable } = props;
  useEffect(() => {
    if (captionsUnavailable) announce({ topic: 'captions', value: 'unavailable', text: t('captionsUnavailable'), urgency: 'polite' });
  }, [captionsUnavailable, announce]);

  useEffect(() => {
    /** A request without an id of its own is told apart by its arrival. */
    let arrivals = 0;
    const offs = [
      messages.on('chat', (message) => {
        const line = { id: message.id, from: 'assessor' as const, text: message.text, at: message.at, ...(message.author ? { author: message.author } : {}) };
        announce({ topic: `chat:${message.id}`, value: 'arrived', text: t('chat', { author: authorLabel(line, { side: 'customer' }), text: message.text }), urgency: 'polite' });
      }),
      messages.on('snapshot-request', (message) => {
        announce({ topic: `photo:${message.requestId}`, value: 'asked', text: t('photoRequest', { name: who.current }), urgency: 'polite' });
      }),
      messages.on('mode-request', (message) => {
        const values = { name: who.current, mode: MODE_LABEL[message.mode], reason: message.reason };
        announce({ topic: `mode:${message.proposalId ?? `arrival-${++arrivals}`}`, value: 'asked', text: t(message.reason ? 'modeRequestReason' : 'modeRequest', values), urgency: 'polite' });
      }),
      messages.on('identity-request', (message) => {
        announce({ topic: `identity:${message.checkId}`, value: 'asked', text: t('identityRequest', { name: who.current }), urgency: 'polite' });
      }),
      messages.on('offer-made', (message) => {
        announce({ topic: `offer:${message.offerId}`, value: 'made', text: t('offerMade', { name: who.current }), urgency: 'polite' });
      }),
    ];
    return () => {
      for (const off of offs) off();
    };
  }, [messages, announce]);
}
