// The tour's compact controls: the plan or seat map, 3D or 360° photos, looking by moving the phone,
// and a headset where one is there. Each is a labelled button with an icon.
import { useTranslation } from 'react-i18next';
import type { TourMode } from '../../xr/tour/tour-mode.ts';
import { Icon, type IconName } from './tour-icons.tsx';
import type { MagicWindow } from './use-magic-window.ts';

export interface TourToolbarProps {
  plan: 'floor' | 'seats' | null;
  planOpen: boolean;
  onPlan: () => void;
  /** Both modes are possible: the tour has a scene and panoramas. */
  canSwitch: boolean;
  mode: TourMode;
  onMode: (mode: TourMode) => void;
  magicWindow: MagicWindow;
  /** Immersive VR, where the browser offers it. */
  vr: { presenting: boolean; onToggle: () => void } | null;
  /** Measuring, where the tour has a true-scale scene. */
  measure: { on: boolean; onToggle: () => void } | null;
}

function ToolButton(props: { icon: IconName; label: string; pressed?: boolean; testId: string; onClick: () => void; disabled?: boolean }) {
  return (
    <button type="button" className="tour-tool" data-testid={props.testId} aria-pressed={props.pressed} disabled={props.disabled} onClick={props.onClick}>
      <Icon name={props.icon} />
      <span>{props.label}</span>
    </button>
  );
}

export function TourToolbar(props: TourToolbarProps) {
  const { t } = useTranslation('tour');
  const mw = props.magicWindow;
  return (
    <nav className="tour-toolbar" aria-label={t('toolbar.label')}>
      {props.plan && (
        <ToolButton icon={props.plan === 'seats' ? 'seats' : 'plan'} label={props.plan === 'seats' ? t('plan.seats') : t('plan.floor')} pressed={props.planOpen} testId="tour-plan-toggle" onClick={props.onPlan} />
      )}
      {props.canSwitch && (
        <div className="tour-mode-switch" role="group" aria-label={t('toolbar.view')}>
          <ToolButton icon="cube" label={t('toolbar.threeD')} pressed={props.mode === '3d'} testId="tour-mode-3d" onClick={() => props.onMode('3d')} />
          <ToolButton icon="sphere" label={t('toolbar.panorama')} pressed={props.mode === 'panorama'} testId="tour-mode-panorama" onClick={() => props.onMode('panorama')} />
        </div>
      )}
      {mw.offered && (
        <ToolButton icon="motion" label={t(`toolbar.motion.${mw.state}`)} pressed={mw.state === 'on'} testId="tour-magic-window" onClick={mw.toggle} disabled={mw.state === 'unavailable'} />
      )}
      {props.measure && <ToolButton icon="ruler" label={t('toolbar.measure')} pressed={props.measure.on} testId="tour-measure-toggle" onClick={props.measure.onToggle} />}
      {props.vr && <ToolButton icon="vr" label={props.vr.presenting ? t('toolbar.leaveVr') : t('toolbar.enterVr')} pressed={props.vr.presenting} testId="tour-vr" onClick={props.vr.onToggle} />}
    </nav>
  );
}
