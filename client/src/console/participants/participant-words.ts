// What the console says about a third participant and their mode.
import type { ParticipantMode, ParticipantSessionView } from '../../../../protocol/participant-session.ts';
import { i18next } from '../../i18n/i18n.ts';

/** On the assessor's tile: what the participant is doing, from the assessor's side. */
export function modeForAssessor(mode: ParticipantMode): string {
  return i18next.t(`console:participants.forAssessor.${mode}`);
}

/** On the participant's own view: who hears them now. */
export function modeForParticipant(mode: ParticipantMode): string {
  return i18next.t(`console:participants.forParticipant.${mode}`);
}

export function roleWord(session: Pick<ParticipantSessionView, 'role'>): string {
  return i18next.t(`console:participants.role.${session.role === 'expert' ? 'expert' : session.role === 'supervisor' ? 'supervisor' : 'admin'}`);
}
