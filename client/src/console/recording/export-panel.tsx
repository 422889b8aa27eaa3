// "Download evidence bundle" and "PDF report", each with a progress bar while it downloads.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { messageOf } from '../../lib/api.ts';
import type { Tone } from '../../ui/banner.tsx';
import { formatBytes } from '../../ui/format.ts';
import { downloadWithProgress, saveBlob, type DownloadProgress } from './download.ts';

type Kind = 'export' | 'report';

export function ExportPanel(props: { caseId: string; notify: (tone: Tone, text: string) => void }) {
  const { t } = useTranslation('casework');
  const [progress, setProgress] = useState<Partial<Record<Kind, DownloadProgress>>>({});
  const start = (kind: Kind): void => {
    setProgress((p) => ({ ...p, [kind]: { received: 0, total: null } }));
    downloadWithProgress(`/api/cases/${encodeURIComponent(props.caseId)}/${kind}`, (next) => setProgress((p) => ({ ...p, [kind]: next })))
      .then(({ blob, fileName }) => saveBlob(blob, fileName))
      .catch((error: unknown) => props.notify('error', t(kind === 'export' ? 'export.bundleFailed' : 'export.reportFailed', { error: messageOf(error) })))
      .finally(() => setProgress((p) => ({ ...p, [kind]: undefined })));
  };
  return (
    <section className="card export" aria-label={t('export.heading')}>
      <div className="section-head">
        <h3>{t('export.heading')}</h3>
      </div>
      <div className="export-row">
        <ExportButton kind="export" label={t('export.bundle')} progress={progress.export} onClick={() => start('export')} />
        <ExportButton kind="report" label={t('export.report')} progress={progress.report} onClick={() => start('report')} />
      </div>
      <p className="small muted">{t('export.note')}</p>
    </section>
  );
}

function ExportButton(props: { kind: Kind; label: string; progress: DownloadProgress | undefined; onClick: () => void }) {
  const { t } = useTranslation('casework');
  const { progress } = props;
  const fraction = progress?.total ? progress.received / progress.total : null;
  return (
    <div className="export-item">
      <button type="button" className="btn" data-testid={`download-${props.kind}`} disabled={progress !== undefined} onClick={props.onClick}>
        {progress ? t('export.downloading') : props.label}
      </button>
      {progress && (
        <div className="export-progress" data-testid={`download-${props.kind}-progress`}>
          <div className="progress" role="progressbar" aria-label={t('export.progress')} aria-valuemin={0} aria-valuemax={100} aria-valuenow={fraction === null ? undefined : Math.round(fraction * 100)}>
            <span style={{ width: `${fraction === null ? 100 : Math.round(fraction * 100)}%` }} />
          </div>
          <span className="small muted">
            {progress.total ? t('export.of', { received: formatBytes(progress.received), total: formatBytes(progress.total) }) : formatBytes(progress.received)}
          </span>
        </div>
      )}
    </div>
  );
}
