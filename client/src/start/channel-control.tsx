// How to be met: a segmented control (a radio group styled as one bar). 3D/VR is offered only for a
// preview, where there is a room or seat to look around.
import { useTranslation } from 'react-i18next';
import type { QueueChannel } from '../../../protocol/queue.ts';

export function channelsFor(preview: boolean): QueueChannel[] {
  return preview ? ['text', 'voice', 'video', 'xr'] : ['text', 'voice', 'video'];
}

export function ChannelControl(props: { value: QueueChannel; preview: boolean; onChange: (channel: QueueChannel) => void }) {
  const { t } = useTranslation('start');
  return (
    <fieldset className="start-channels">
      <legend className="start-label">{t('channelQuestion')}</legend>
      <div className="segmented" data-testid="channel-control">
        {channelsFor(props.preview).map((channel) => (
          <label key={channel} className="segment" data-testid={`channel-${channel}`}>
            <input type="radio" name="channel" value={channel} className="visually-hidden" checked={props.value === channel} onChange={() => props.onChange(channel)} />
            <span>{t(`channel.${channel}`)}</span>
          </label>
        ))}
      </div>
      <p className="start-hint">{t(props.value === 'voice' ? 'channelHintVoice' : 'channelHint')}</p>
    </fieldset>
  );
}
