// What the console says about a third participant and their mode.
import type { ParticipantMode, ParticipantSessionView } from '../../../../protocol/participant-session.ts';

/** On the assessor's tile: what the participant is doing, from the assessor's side. */
export function modeForAssessor(mode: ParticipantMode): string {
  switch (mode) {
    case 'full':
      return 'In the call';
    case 'listen':
      return 'Listening silently';
    case 'whisper':
      return 'Whispering to you — the customer does not hear';
    case 'barge':
      return 'Barged in — the customer hears them';
  }
}

/** On the participant's own view: who hears them now. */
export function modeForParticipant(mode: ParticipantMode): string {
  switch (mode) {
    case 'full':
      return 'You are in the call: the assessor and the customer hear you.';
    case 'listen':
      return 'You are listening: nobody hears you.';
    case 'whisper':
      return 'You are whispering: only the assessor hears you.';
    case 'barge':
      return 'You have barged in: the assessor and the customer hear you.';
  }
}

export function roleWord(session: Pick<ParticipantSessionView, 'role'>): string {
  return session.role === 'expert' ? 'Expert' : session.role === 'supervisor' ? 'Supervisor' : 'Admin';
}
