// The plain-camera aim guide: a full-screen viewfinder showing exactly the camera's frame, with a
// corner frame sized for the item (wide or close-up), the item's hint, and the shutter.
import { useRef, type CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { useSrcObject } from '../../ui/use-src-object.ts';
import { useDialogFocus } from '../use-dialog-focus.ts';
import { aimInstruction, type ChecklistAim } from './checklist-state.ts';

export function AimViewfinder(props: { stream: MediaStream; aim: ChecklistAim; taking: boolean; onShutter: () => void; onClose: () => void }) {
  const { t } = useTranslation('capture');
  const video = useSrcObject<HTMLVideoElement>(props.stream);
  const dialog = useRef<HTMLDivElement>(null);
  const settings = props.stream.getVideoTracks()[0]?.getSettings();
  // The frame has the camera's own shape, so what is inside the guide is what the photo shows.
  const ratio = settings?.width && settings.height ? settings.width / settings.height : 4 / 3;

  // Full screen over the call: Tab stays on its two buttons, Escape cancels.
  useDialogFocus(dialog, { modal: true, onClose: props.onClose, initial: '.shutter' });

  return (
    <div ref={dialog} className="viewfinder" role="dialog" aria-modal="true" aria-labelledby="viewfinder-title" data-testid="checklist-viewfinder" data-aim={props.aim.aim}>
      <div className="viewfinder-top">
        <span className="viewfinder-step">
          {t('position', { position: props.aim.position, total: props.aim.total })}
        </span>
        <strong id="viewfinder-title">{props.aim.title}</strong>
        <p data-testid="viewfinder-hint">{props.aim.hint}</p>
      </div>
      <div className="viewfinder-stage">
        <div className="viewfinder-frame" style={{ '--ratio': ratio } as CSSProperties}>
          <video ref={video} muted playsInline autoPlay />
          <div className={`aim-guide aim-${props.aim.aim}`} aria-hidden="true">
            <span className="aim-corner aim-tl" />
            <span className="aim-corner aim-tr" />
            <span className="aim-corner aim-bl" />
            <span className="aim-corner aim-br" />
            {props.aim.aim === 'down' && <span className="aim-arrow">↓</span>}
          </div>
          <span className="aim-instruction" data-testid="aim-instruction">
            {props.taking ? t('holdStill') : aimInstruction(props.aim.aim)}
          </span>
        </div>
      </div>
      <div className="viewfinder-controls">
        <button type="button" className="btn viewfinder-cancel" data-testid="viewfinder-cancel" onClick={props.onClose} disabled={props.taking}>
          {t('cancel')}
        </button>
        <button
          type="button"
          className="shutter"
          data-testid="checklist-shutter"
          aria-label={t('shutter', { title: props.aim.title })}
          disabled={props.taking}
          onClick={props.onShutter}
        />
        <span className="viewfinder-spacer" />
      </div>
    </div>
  );
}
