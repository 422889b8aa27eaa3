// How to be met: a segmented control (a radio group styled as one bar). 3D/VR is offered only for a
// preview, where there is a room or seat to look around.
import type { QueueChannel } from '../../../protocol/queue.ts';

export const CHANNEL_WORDS: Record<QueueChannel, string> = { text: 'Chat', voice: 'Voice', video: 'Video', xr: '3D/VR' };

export function channelsFor(preview: boolean): QueueChannel[] {
  return preview ? ['text', 'voice', 'video', 'xr'] : ['text', 'voice', 'video'];
}

export function ChannelControl(props: { value: QueueChannel; preview: boolean; onChange: (channel: QueueChannel) => void }) {
  return (
    <fieldset className="start-channels">
      <legend className="start-label">How would you like to be met?</legend>
      <div className="segmented" data-testid="channel-control">
        {channelsFor(props.preview).map((channel) => (
          <label key={channel} className="segment" data-testid={`channel-${channel}`}>
            <input type="radio" name="channel" value={channel} className="visually-hidden" checked={props.value === channel} onChange={() => props.onChange(channel)} />
            <span>{CHANNEL_WORDS[channel]}</span>
          </label>
        ))}
      </div>
      <p className="start-hint">Our digital assistant answers first, in writing{props.value === 'voice' ? ' and aloud' : ''}; a person joins in the way you choose.</p>
    </fieldset>
  );
}
