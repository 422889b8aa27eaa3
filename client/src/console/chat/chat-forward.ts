// Which stored chat lines the case's assessor's console passes on to the customer over its data channel.
// The customer's page hears chat only from that console: its own lines go as they are typed; the lines
// of the session's participants arrive as console events and go from here. Pure, so it is unit tested.
import type { ChatLine } from '../../../../protocol/http.ts';
import type { PeerMessage } from '../../../../protocol/messages.ts';

/**
 * Lines not yet given to the customer: a participant's (not the customer's, not this console's own,
 * which went as typed), never a whisper, and none the console found stored when it opened the case
 * (`given` starts with those: the customer never gets the assessor's history either).
 */
export function linesToForward(lines: readonly ChatLine[], given: ReadonlySet<string>, selfId: string): ChatLine[] {
  return lines.filter((l) => l.from === 'assessor' && !l.whisper && l.author !== undefined && l.author.userId !== selfId && !given.has(l.id));
}

export function forwardMessage(line: ChatLine): PeerMessage {
  return { v: 1, type: 'chat', id: line.id, text: line.text, at: line.at, ...(line.author ? { author: { role: line.author.role, name: line.author.name } } : {}), ...(line.language ? { language: line.language } : {}) };
}
