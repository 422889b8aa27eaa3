// Who hears a third participant in each mode: the one rule the star topology (session-hub.ts) applies
// and the console's words describe. Pure.
import type { ParticipantMode } from '../../../../protocol/participant-session.ts';

export interface Hearing {
  /** The assessor's console plays their voice. */
  assessor: boolean;
  /** Their voice is mixed into what the customer hears. */
  customer: boolean;
  /** Their microphone is live at all (a silent listener sends silence). */
  speaks: boolean;
}

export function hearingOf(mode: ParticipantMode): Hearing {
  switch (mode) {
    case 'full':
    case 'barge':
      return { assessor: true, customer: true, speaks: true };
    case 'whisper':
      return { assessor: true, customer: false, speaks: true };
    case 'listen':
      return { assessor: false, customer: false, speaks: false };
  }
}
