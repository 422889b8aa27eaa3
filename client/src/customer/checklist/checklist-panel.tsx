// The checklist card on the customer's page: progress, the item to photograph with its hint, the
// viewfinder, the verdict (accepted → next item; rejected → what to fix and "Retake"), upload
// progress, and the list of items. It takes useChecklist's state: the call screen owns the hook,
// because the AR view shows the same item, aim guide and shutter over the camera.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChecklistItemState, ChecklistView } from '../../../../protocol/checklist.ts';
import { Banner } from '../../ui/banner.tsx';
import { AimViewfinder } from './aim-viewfinder.tsx';
import { cameraProblem } from './checklist-capture.ts';
import { adviceFor, doneCount } from './checklist-state.ts';
import type { Checklist } from './use-checklist.ts';
import './checklist.css';

export function ChecklistPanelView({ checklist, stream }: { checklist: Checklist; stream: MediaStream | null }) {
  const { t } = useTranslation('capture');
  const [aiming, setAiming] = useState(false);
  const [note, setNote] = useState<string | null>(null);
  const takeButton = useRef<HTMLButtonElement>(null);
  const card = useRef<HTMLElement>(null);
  const { view, current, aim, activity, verdict } = checklist;
  const busy = activity?.kind === 'taking' || activity?.kind === 'uploading';
  // After a photo the Take button waits (disabled) for the upload: focus waits on the card, then goes back to it.
  useEffect(() => {
    if (!busy && document.activeElement === card.current) takeButton.current?.focus();
  }, [busy]);
  if (!view) return null;

  const done = doneCount(view);
  const total = view.items.length;
  const mine = activity && current && activity.itemId === current.id ? activity : null;
  const rejected = current && !busy ? rejection(current, verdict) : null;

  const open = (): void => {
    const problem = cameraProblem(stream?.getVideoTracks()[0]);
    setNote(problem);
    if (!problem) setAiming(true);
  };
  const closeViewfinder = (): void => {
    setAiming(false);
    const take = takeButton.current;
    if (take && !take.disabled) take.focus();
    else card.current?.focus();
  };
  const shoot = (): void => {
    if (current) void checklist.capture(current.id).finally(closeViewfinder);
  };

  return (
    <section ref={card} tabIndex={-1} className="card checklist" data-testid="checklist" data-complete={view.complete} data-done={done} data-total={total} aria-labelledby="checklist-heading">
      <div className="checklist-head">
        <h2 id="checklist-heading">{t('heading')}</h2>
        <span className={`badge ${view.complete ? 'badge-ok' : 'badge-brand'}`} data-testid="checklist-progress">
          {t('progress', { done, total })}
        </span>
      </div>
      <div className={`progress ${view.complete ? 'progress-ok' : ''}`} role="progressbar" aria-label={t('progressLabel')} aria-valuemin={0} aria-valuemax={total} aria-valuenow={done}>
        <span style={{ width: `${(done / total) * 100}%` }} />
      </div>

      {verdict?.accepted && !busy && (
        <p className="checklist-accepted" role="status" data-testid="checklist-verdict" data-verdict="accepted" data-item-id={verdict.itemId} data-evidence-id={verdict.evidenceId}>
          <span className="checklist-tick" aria-hidden="true">✓</span>
          <span>
            <strong>{t('photoAccepted')}</strong> · {verdict.title}
          </span>
        </p>
      )}

      {current ? (
        <div className="checklist-current" data-testid="checklist-item" data-item-id={current.id} data-status={current.status}>
          <div className="eyebrow">
            {t(current.status === 'done' ? 'positionAnother' : 'position', { position: aim?.position, total })}
          </div>
          <strong className="checklist-title" data-testid="checklist-item-title">
            {current.title}
          </strong>
          <p className="muted small checklist-hint">{current.hint}</p>

          {rejected && (
            <div className="checklist-rejected" role="alert" data-testid="checklist-verdict" data-verdict="rejected" data-item-id={current.id} data-evidence-id={rejected.evidenceId ?? ''}>
              {rejected.photoUrl && <img src={rejected.photoUrl} alt={t('rejectedPhoto')} data-testid="checklist-rejected-photo" />}
              <div>
                <strong>{t('takeAgainHeading')}</strong>
                <ul data-testid="checklist-problems">
                  {adviceFor(rejected.problems).map((line) => (
                    <li key={line}>{line}</li>
                  ))}
                </ul>
              </div>
            </div>
          )}

          {mine?.kind === 'uploading' && (
            <div className="checklist-upload" data-testid="checklist-upload" data-progress={Math.round(mine.progress * 100)}>
              <span className="small muted">{mine.progress < 1 ? t('sending', { percent: Math.round(mine.progress * 100) }) : t('checkingPhoto')}</span>
              <div className="progress" role="progressbar" aria-label={t('uploadLabel')} aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(mine.progress * 100)}>
                <span style={{ width: `${Math.round(mine.progress * 100)}%` }} />
              </div>
            </div>
          )}
          {mine?.kind === 'failed' && (
            <Banner tone="error" testId="checklist-error">
              {mine.message}{' '}
              {mine.photo && (
                <button type="button" className="btn btn-small" data-testid="checklist-upload-retry" onClick={checklist.retryUpload}>
                  {t('tryAgain')}
                </button>
              )}
            </Banner>
          )}
          {note && <Banner tone="warning" testId="checklist-camera-note">{note}</Banner>}

          <div className="checklist-actions">
            <button ref={takeButton} type="button" className="btn btn-primary btn-block" data-testid="checklist-take" disabled={busy} onClick={open}>
              {rejected ? t('retake') : t('take')}
            </button>
            {current.status === 'done' && (
              <button type="button" className="btn btn-ghost btn-block" data-testid="checklist-add-cancel" disabled={busy} onClick={() => checklist.addAnother(null)}>
                {t('notNow')}
              </button>
            )}
          </div>
        </div>
      ) : (
        <div className="checklist-complete" role="status" data-testid="checklist-complete">
          <span className="checklist-tick checklist-tick-big" aria-hidden="true">✓</span>
          <div>
            <strong>{t('complete')}</strong>
            <p className="muted small">{t('completeNote')}</p>
          </div>
        </div>
      )}

      <ItemList view={view} current={current} busy={busy} onAddAnother={checklist.addAnother} />
      {checklist.refreshError && (
        <p className="small muted" data-testid="checklist-refresh-error">
          {t('refreshError', { reason: checklist.refreshError })}{' '}
          <button type="button" className="btn btn-ghost btn-small" onClick={checklist.refresh}>
            {t('tryAgain')}
          </button>
        </p>
      )}

      {aiming && aim && stream && <AimViewfinder stream={stream} aim={aim} taking={activity?.kind === 'taking'} onShutter={shoot} onClose={closeViewfinder} />}
    </section>
  );
}

function ItemList(props: { view: ChecklistView; current: ChecklistItemState | null; busy: boolean; onAddAnother: (itemId: string) => void }) {
  const { t } = useTranslation('capture');
  return (
    <ol className="checklist-items" data-testid="checklist-items">
      {props.view.items.map((item) => {
        const photos = item.acceptedEvidenceIds.length;
        return (
          <li key={item.id} data-testid="checklist-row" data-item-id={item.id} data-status={item.status} aria-current={item.id === props.current?.id ? 'step' : undefined}>
            <span className={`checklist-mark checklist-mark-${item.status}`} role="img" aria-label={t(`status.${item.status}`)} />
            <span className="checklist-row-title">{item.title}</span>
            {item.status === 'done' && item.repeatable ? (
              <button type="button" className="btn btn-small" data-testid="checklist-add-another" disabled={props.busy} onClick={() => props.onAddAnother(item.id)}>
                {photos > 1 ? t('addAnotherCount', { count: photos }) : t('addAnother')}
              </button>
            ) : (
              <span className="small muted">{item.status === 'retake' ? t('rowRetake') : item.status === 'done' ? t('rowDone') : ''}</span>
            )}
          </li>
        );
      })}
    </ol>
  );
}

/** A failed photo to show for this item: the one just judged (with the photo), else the server's record. */
function rejection(item: ChecklistItemState, verdict: Checklist['verdict']): { problems: ChecklistItemState['problems']; photoUrl: string | null; evidenceId: string | null } | null {
  if (verdict && !verdict.accepted && verdict.itemId === item.id) return verdict;
  if (item.status === 'retake') return { problems: item.problems, photoUrl: null, evidenceId: null };
  return null;
}
