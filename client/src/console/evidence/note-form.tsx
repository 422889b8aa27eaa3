// A photo's caption (one line, shown under its thumbnail and in the report) and note (longer, for the
// report), edited in the viewer and saved together as one ledger entry; says who changed them last.
// Read-only (a purged photo, a narrow screen) it shows them as text.
import { useEffect, useState, type FormEvent } from 'react';
import type { EvidenceView } from '../../../../protocol/http.ts';
import { messageOf } from '../../lib/api.ts';
import { Banner } from '../../ui/banner.tsx';
import { formatDateTime } from '../../ui/format.ts';
import { evidenceApi } from './evidence-api.ts';

const CAPTION_MAX = 200;
const NOTE_MAX = 2000;

export function NoteForm(props: { evidence: EvidenceView; readOnly: boolean; onSaved: (updated: EvidenceView) => void }) {
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
      {e.noted ? `Last changed by ${e.noted.by}, ${formatDateTime(e.noted.at)}` : 'No caption or note yet'}
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
        <label htmlFor="evidence-caption">Caption</label>
        <input id="evidence-caption" data-testid="evidence-caption" maxLength={CAPTION_MAX} placeholder="What the photo shows" value={caption} onChange={(event) => setCaption(event.target.value)} />
      </div>
      <div className="field">
        <label htmlFor="evidence-note">Note</label>
        <textarea id="evidence-note" data-testid="evidence-note" maxLength={NOTE_MAX} rows={3} placeholder="Anything the report should say about it" value={note} onChange={(event) => setNote(event.target.value)} />
      </div>
      {error && <Banner tone="error" testId="note-error">{error}</Banner>}
      <div className="note-foot">
        {noted}
        <button type="submit" className="btn btn-small" data-testid="note-save" disabled={busy || !changed}>
          {busy ? 'Saving…' : 'Save'}
        </button>
      </div>
    </form>
  );
}
