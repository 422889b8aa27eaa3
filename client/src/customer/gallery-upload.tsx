// "Add photos" from the gallery: several images at once, each uploaded with its own progress bar
// (shown in a small card above the button while any is in progress, failed, or just sent).
import { useEffect, useRef, useState, type ChangeEvent, type RefObject } from 'react';
import type { EvidenceView, Location } from '../../../protocol/http.ts';
import { messageOf } from '../lib/api.ts';
import { randomId } from '../lib/ids.ts';
import { uploadEvidence } from '../ui/upload.ts';
import { PhotoIcon } from './call-icons.tsx';
import { useTranslation } from 'react-i18next';

interface UploadRow {
  id: string;
  name: string;
  progress: number;
  status: 'uploading' | 'done' | 'failed';
  error?: string;
}

export function GalleryUpload(props: {
  caseId: string;
  token: string;
  location: RefObject<Location | null>;
  onUploaded: (evidence: EvidenceView) => void;
}) {
  const { t } = useTranslation('customer');
  const [rows, setRows] = useState<UploadRow[]>([]);
  const aborter = useRef(new AbortController());
  const uploaded = useRef(props.onUploaded);
  uploaded.current = props.onUploaded;

  useEffect(() => {
    const controller = new AbortController();
    aborter.current = controller;
    return () => controller.abort();
  }, []);

  const update = (id: string, change: Partial<UploadRow>): void =>
    setRows((list) => list.map((row) => (row.id === id ? { ...row, ...change } : row)));

  function onPick(event: ChangeEvent<HTMLInputElement>): void {
    const files = [...(event.target.files ?? [])];
    event.target.value = '';
    for (const file of files) {
      const id = randomId();
      setRows((list) => [...list.filter((r) => r.status !== 'done').slice(-5), { id, name: file.name, progress: 0, status: 'uploading' }]);
      uploadEvidence({
        caseId: props.caseId,
        token: props.token,
        file,
        fileName: file.name,
        source: 'gallery',
        uploadId: id,
        deviceTime: new Date(file.lastModified || Date.now()).toISOString(),
        location: props.location.current,
        onProgress: (progress) => update(id, { progress }),
        signal: aborter.current.signal,
      }).then(
        (evidence) => {
          update(id, { status: 'done', progress: 1 });
          uploaded.current(evidence);
        },
        (error: unknown) => {
          if (!aborter.current.signal.aborted) update(id, { status: 'failed', error: messageOf(error) });
        },
      );
    }
  }

  return (
    <div className="gallery">
      <label className="btn btn-small gallery-pick" title={t('gallery.title')}>
        <input type="file" accept="image/*" multiple className="visually-hidden" data-testid="gallery-input" onChange={onPick} />
        <PhotoIcon /> <span className="gallery-label">{t('gallery.label')}</span>
      </label>
      {rows.length > 0 && (
        <ul className="uploads" data-testid="gallery-uploads">
          {rows.map((row) => (
            <li key={row.id} data-testid="gallery-upload" data-status={row.status}>
              <span className="upload-name">{row.name}</span>
              <span className="muted small">
                {row.status === 'uploading' ? `${Math.round(row.progress * 100)} %` : row.status === 'done' ? t('gallery.sent') : t('gallery.failed', { error: row.error ?? '' })}
              </span>
              <div className="progress" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(row.progress * 100)}>
                <span style={{ width: `${Math.round(row.progress * 100)}%` }} />
              </div>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
