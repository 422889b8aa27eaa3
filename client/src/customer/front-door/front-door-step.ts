// Whether the join page shows the front door (the assistant or the waiting room) rather than the usual
// consent → call flow: only while nobody has taken the customer from the queue.
import type { FrontDoorView } from '../../../../protocol/intake.ts';
import type { JoinView } from '../../../../protocol/http.ts';

export function frontDoorOf(join: JoinView): FrontDoorView | null {
  const frontDoor = join.frontDoor ?? null;
  if (!frontDoor) return null;
  return frontDoor.queue.state === 'assigned' || frontDoor.queue.state === 'finished' ? null : frontDoor;
}
