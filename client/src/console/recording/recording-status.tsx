// The recorder's control and the upload state of each recording this tab is uploading, including one
// the server has not created yet, whose chunks wait in IndexedDB.
import { useTranslation } from 'react-i18next';
import { i18next } from '../../i18n/i18n.ts';
import { formatBytes } from '../../ui/format.ts';
import type { UploadProgress } from './chunk-uploader.ts';

const stateText = (u: UploadProgress): string => {
  const t = (key: string, options?: Record<string, unknown>): string => i18next.t(`casework:recording.state.${key}`, options);
  if (u.recordingId === null && u.state !== 'error') return t('waiting', { count: u.pending });
  switch (u.state) {
    case 'sealed':
      return t('sealed');
    case 'uploaded':
      return t(u.stopped ? 'sealing' : 'uploaded');
    case 'uploading':
    case 'failing':
      return t(u.state, { pending: u.pending });
    case 'error':
      return t('error');
  }
};

export function RecordingStatus(props: {
  /** What the call's state means for the recording being made (the customer dropped, reconnecting). */
  note: string | null;
  recording: { startedAt: number; localId: string } | null;
  uploads: UploadProgress[];
  canRecord: boolean;
  onToggle: () => void;
  onRetry: () => void;
}) {
  const { t } = useTranslation('casework');
  const { recording } = props;
  const recordingId = recording ? (props.uploads.find((u) => u.localId === recording.localId)?.recordingId ?? null) : null;
  // The newest three: the one being made, a resumed one, and the last sealed stay in view.
  const visible = props.uploads.slice(-3);
  return (
    <section className="card rec-status" aria-label={t('recording.heading')} data-testid="recording-status" data-recording={recording ? 'true' : 'false'} data-recording-id={recordingId ?? ''} data-local-id={recording?.localId ?? ''}>
      <div className="rec-head">
        <span className={`rec-dot${recording ? ' rec-dot-live' : ''}`} aria-hidden="true" />
        <strong>{t(recording ? 'recording.on' : 'recording.off')}</strong>
        <span className="spacer" />
        <button type="button" className={`btn btn-small${recording ? ' btn-danger' : ''}`} data-testid="recording-toggle" disabled={!recording && !props.canRecord} onClick={props.onToggle}>
          {t(recording ? 'recording.stop' : 'recording.start')}
        </button>
      </div>
      {recording && props.note && (
        <p className="small muted" data-testid="recording-note">
          {props.note}
        </p>
      )}
      {visible.map((u) => (
        <div
          key={u.localId}
          className={`rec-upload rec-${u.state}`}
          data-testid="recording-upload"
          data-local-id={u.localId}
          data-recording-id={u.recordingId ?? ''}
          data-state={u.state}
          data-recorded={u.recorded}
          data-acknowledged={u.acknowledged}
          data-pending={u.pending}
          data-pending-bytes={u.pendingBytes}
        >
          <div className="rec-upload-line">
            <span className="rec-upload-state">{stateText(u)}</span>
            <span className="small muted">
              {t('recording.chunks', { acknowledged: u.acknowledged, recorded: u.recorded })}
              {u.pendingBytes > 0 ? t('recording.pendingBytes', { bytes: formatBytes(u.pendingBytes) }) : ''}
              {u.lastLatencyMs !== null ? t('recording.lastLatency', { ms: u.lastLatencyMs }) : ''}
            </span>
          </div>
          <div className="progress" role="progressbar" aria-label={t('recording.progress')} aria-valuemin={0} aria-valuemax={Math.max(1, u.recorded)} aria-valuenow={u.acknowledged}>
            <span style={{ width: `${u.recorded === 0 ? 0 : Math.round((100 * u.acknowledged) / u.recorded)}%` }} />
          </div>
          {u.error && (u.state === 'failing' || u.state === 'error') && (
            <p className="rec-error-text small" data-testid="recording-upload-error">
              {u.error}{' '}
              {u.state === 'failing' && (
                <button type="button" className="btn btn-ghost btn-small" onClick={props.onRetry}>
                  {t('recording.retryNow')}
                </button>
              )}
            </p>
          )}
        </div>
      ))}
    </section>
  );
}
