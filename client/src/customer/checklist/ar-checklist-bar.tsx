// The checklist in the AR view's DOM overlay (all a phone shows over the camera in AR): the item to
// photograph, the aim guide's advice in words, the shutter, and the verdict on the last photo —
// accepted, or what to fix before the retake.
import { useTranslation } from 'react-i18next';
import type { AimReport } from './aim-status.ts';
import { adviceFor, doneCount } from './checklist-state.ts';
import type { Checklist } from './use-checklist.ts';

export function ArChecklistBar({ checklist, report }: { checklist: Checklist; report: AimReport | null }) {
  const { t } = useTranslation('capture');
  const { view, current, aim, activity, verdict } = checklist;
  if (!view) return null;
  const busy = activity?.kind === 'taking' || activity?.kind === 'uploading';
  if (!current || !aim) {
    return (
      <div className="ar-checklist" data-testid="ar-checklist" data-complete="true">
        <span className="checklist-tick" aria-hidden="true">✓</span> <strong>{t('allDoneCount', { count: view.items.length })}</strong>
      </div>
    );
  }
  const rejected = verdict && !verdict.accepted && verdict.itemId === current.id && !busy ? verdict : null;
  return (
    <div className="ar-checklist" data-testid="ar-checklist" data-item-id={current.id} data-done={doneCount(view)}>
      <div className="ar-checklist-item">
        <span className="ar-checklist-step">
          {t('position', { position: aim.position, total: aim.total })}
        </span>
        <strong>{aim.title}</strong>
      </div>
      {report && (
        <span className={`ar-aim ${report.ok ? 'ar-aim-ok' : ''}`} data-testid="ar-aim" data-cue={report.cue} data-ok={report.ok} data-pitch={report.pitchDeg.toFixed(1)} data-distance={report.distanceM?.toFixed(2) ?? ''}>
          {report.instruction}
        </span>
      )}
      {verdict?.accepted && !busy && (
        <span className="ar-verdict ar-verdict-ok" data-testid="ar-checklist-verdict" data-verdict="accepted">
          {t('accepted', { title: verdict.title })}
        </span>
      )}
      {rejected && (
        <span className="ar-verdict ar-verdict-bad" role="alert" data-testid="ar-checklist-verdict" data-verdict="rejected">
          {t('takeItAgain', { advice: adviceFor(rejected.problems).join(' ') })}
        </span>
      )}
      {activity?.kind === 'uploading' && <span className="ar-verdict">{t('sending', { percent: Math.round(activity.progress * 100) })}</span>}
      {activity?.kind === 'failed' && (
        <span className="ar-verdict ar-verdict-bad" role="alert">
          {activity.message}{' '}
          {activity.photo && (
            <button type="button" className="btn btn-small" onClick={checklist.retryUpload}>
              {t('sendAgain')}
            </button>
          )}
        </span>
      )}
      <button type="button" className={`btn ${report?.ok ? 'btn-primary' : ''}`} data-testid="ar-checklist-take" disabled={busy} onClick={() => void checklist.capture(current.id)}>
        {activity?.kind === 'taking' ? t('holdStill') : rejected ? t('retake') : t('take')}
      </button>
    </div>
  );
}
