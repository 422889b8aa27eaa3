// Whether an assessor has room for one more session on a channel. The rule, as a contact centre
// runs it (Amazon Connect's default cross-channel concurrency): text chats share the person, up to the
// text capacity; a voice, video or XR session takes the whole person, so it is offered only to someone
// holding no session at all, and nothing (not even a chat) is offered to someone in a live session.
// Chats are not interrupted for a call; a waiting call drains one assessor instead (see routing.ts).
import { LIVE_CHANNELS, type Assessor, type Channel } from './routing-types.ts';

const count = (value: number | undefined): number => value ?? 0;

export const isLive = (channel: Channel): boolean => LIVE_CHANNELS.includes(channel);

/** Live sessions held: the queue's, and a call of their own (a join link's) as one more. */
export function liveLoad(assessor: Assessor): number {
  return LIVE_CHANNELS.reduce((sum, channel) => sum + count(assessor.load[channel]), assessor.inCall ? 1 : 0);
}

export function totalLoad(assessor: Assessor): number {
  return liveLoad(assessor) + count(assessor.load.text);
}

/** Room for one more session on this channel now, whatever the status. */
export function hasRoom(assessor: Assessor, channel: Channel): boolean {
  if (isLive(channel)) return count(assessor.capacity[channel]) >= 1 && totalLoad(assessor) === 0;
  return liveLoad(assessor) === 0 && count(assessor.load.text) < count(assessor.capacity.text);
}

/** Room once the text chats they hold end: what a waiting call may reserve. */
export function hasRoomAfterChats(assessor: Assessor, channel: Channel): boolean {
  return isLive(channel) && count(assessor.capacity[channel]) >= 1 && liveLoad(assessor) === 0;
}

/** Sessions the person can hold on this channel when free: the estimate's servers. */
export function slots(assessor: Assessor, channel: Channel): number {
  const capacity = count(assessor.capacity[channel]);
  return isLive(channel) ? Math.min(capacity, 1) : capacity;
}

/** Of those, how many are free now. */
export function freeSlots(assessor: Assessor, channel: Channel): number {
  if (isLive(channel)) return hasRoom(assessor, channel) ? 1 : 0;
  return liveLoad(assessor) === 0 ? Math.max(0, count(assessor.capacity.text) - count(assessor.load.text)) : 0;
}
