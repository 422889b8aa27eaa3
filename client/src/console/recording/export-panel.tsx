// "Download evidence bundle" and "PDF report", each with a progress bar while it downloads.
import { useState } from 'react';
import { messageOf } from '../../lib/api.ts';
import type { Tone } from '../../ui/banner.tsx';
import { formatBytes } from '../../ui/format.ts';
import { downloadWithProgress, saveBlob, type DownloadProgress } from './download.ts';

type Kind = 'export' | 'report';

export function ExportPanel(props: { caseId: string; notify: (tone: Tone, text: string) => void }) {
  const [progress, setProgress] = useState<Partial<Record<Kind, DownloadProgress>>>({});
  const start = (kind: Kind): void => {
    setProgress((p) => ({ ...p, [kind]: { received: 0, total: null } }));
    downloadWithProgress(`/api/cases/${encodeURIComponent(props.caseId)}/${kind}`, (next) => setProgress((p) => ({ ...p, [kind]: next })))
      .then(({ blob, fileName }) => saveBlob(blob, fileName))
      .catch((error: unknown) => props.notify('error', `${kind === 'export' ? 'Evidence bundle' : 'Report'} not downloaded: ${messageOf(error)}`))
      .finally(() => setProgress((p) => ({ ...p, [kind]: undefined })));
  };
  return (
    <section className="card export" aria-label="Export">
      <div className="section-head">
        <h3>Export</h3>
      </div>
      <div className="export-row">
        <ExportButton kind="export" label="Download evidence bundle" progress={progress.export} onClick={() => start('export')} />
        <ExportButton kind="report" label="PDF report" progress={progress.report} onClick={() => start('report')} />
      </div>
      <p className="small muted">The bundle holds the signed ledger, every photo and recording, and a README on how to verify it offline.</p>
    </section>
  );
}

function ExportButton(props: { kind: Kind; label: string; progress: DownloadProgress | undefined; onClick: () => void }) {
  const { progress } = props;
  const fraction = progress?.total ? progress.received / progress.total : null;
  return (
    <div className="export-item">
      <button type="button" className="btn" data-testid={`download-${props.kind}`} disabled={progress !== undefined} onClick={props.onClick}>
        {progress ? 'Downloading…' : props.label}
      </button>
      {progress && (
        <div className="export-progress" data-testid={`download-${props.kind}-progress`}>
          <div className="progress" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={fraction === null ? undefined : Math.round(fraction * 100)}>
            <span style={{ width: `${fraction === null ? 100 : Math.round(fraction * 100)}%` }} />
          </div>
          <span className="small muted">
            {formatBytes(progress.received)}
            {progress.total ? ` of ${formatBytes(progress.total)}` : ''}
          </span>
        </div>
      )}
    </div>
  );
}
