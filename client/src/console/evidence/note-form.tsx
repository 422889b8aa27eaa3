// A photo's caption (one line, shown under its thumbnail and in the report) and note (longer, for the
// report), edited in the viewer and saved together as one ledger entry; says who changed them last.
// Read-only (a purged photo, a narrow screen) it shows them as text.
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { EvidenceView } from '../../../../protocol/http.ts';
import { messageOf } from '../../lib/api.ts';
import { Banner } from '../../ui/banner.tsx';
import { formatDateTime } from '../../ui/format.ts';
import { evidenceApi } from './evidence-api.ts';

const CAPTION_MAX = 200;
const NOTE_MAX = 2000;

export function NoteForm(props: { evidence: EvidenceView; readOnly: boolean; onSaved: (updated: EvidenceView) => void }) {
  const { t } = useTranslation('casework');
  const { evidence: e } = props;
  const [caption, setCaption] = useState(e.caption ?? '');
  const [note, setNote] = useState(e.note ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // Another photo, or the same one changed elsewhere: show what the server holds now.
  useEffect(() => {
    setCaption(e.caption ?? '');
    setNote(e.note ?? '');
    setError(null);
  }, [e.id, e.caption, e.note]);
  const changed = caption.trim() !== (e.caption ?? '') || note.trim() !== (e.note ?? '');

  function submit(event: FormEvent): void {
    event.preventDefault();
    setBusy(true);
    setError(null);
    evidenceApi
      .note(e.caseId, e.id, { caption: caption.trim() || null, note: note.trim() || null })
      .then(props.onSaved, (failure: unknown) => setError(messageOf(failure)))
      .finally(() => setBusy(false));
  }

  const noted = (
    <span className="muted small" data-testid="noted-by">
      {e.noted ? t('note.lastChanged', { by: e.noted.by, date: formatDateTime(e.noted.at) }) : t('note.none')}
    </span>
  );
  if (props.readOnly) {
    return (
      <div className="note-form" data-testid="note-view">
        {e.caption && <p className="note-caption" data-testid="note-caption">{e.caption}</p>}
        {e.note && <p className="note-text" data-testid="note-text">{e.note}</p>}
        {noted}
      </div>
    );
  }

  return (
    <form className="note-form" data-testid="note-form" onSubmit={submit} noValidate>
      <div className="field">
        <label htmlFor="evidence-caption">{t('note.caption')}</label>
        <input id="evidence-caption" data-testid="evidence-caption" maxLength={CAPTION_MAX} placeholder={t('note.captionPlaceholder')} value={caption} onChange={(event) => setCaption(event.target.value)} />
      </div>
      <div className="field">
        <label htmlFor="evidence-note">{t('note.note')}</label>
        <textarea id="evidence-note" data-testid="evidence-note" maxLength={NOTE_MAX} rows={3} placeholder={t('note.notePlaceholder')} value={note} onChange={(event) => setNote(event.target.value)} />
      </div>
      {error && <Banner tone="error" testId="note-error">{error}</Banner>}
      <div className="note-foot">
        {noted}
        <button type="submit" className="btn btn-small" data-testid="note-save" disabled={busy || !changed}>
          {t(busy ? 'note.saving' : 'note.save')}
        </button>
      </div>
    </form>
  );
}
