// "Wrap up" on a case whose session is over: how it ended (five disposition chips), notes, Save; the
// saved wrap-ups below. When the session came from the queue its entry is named, so saving also ends
// the assessor's hold on it and the next customer can be offered.
import { useId, useState, type FormEvent } from 'react';
import { MAX_WRAP_UP_NOTES, type Disposition } from '../../../../protocol/after-session.ts';
import { messageOf } from '../../lib/api.ts';
import { formatDateTime } from '../../ui/format.ts';
import { useWrapUp } from './use-wrap-up.ts';
import './wrap-up.css';

const DISPOSITION_WORDS: Record<Disposition, string> = {
  resolved: 'Resolved',
  'follow-up': 'Follow-up needed',
  escalated: 'Escalated',
  'no-contact': 'No contact',
  transferred: 'Transferred',
};
const DISPOSITIONS = Object.keys(DISPOSITION_WORDS) as Disposition[];

export function WrapUpPanel(props: { caseId: string; inCall: boolean; callEnded: boolean; revision: number }) {
  const { load, save, reload } = useWrapUp(props.caseId, !props.inCall, `${props.revision}:${props.callEnded}`);
  const [disposition, setDisposition] = useState<Disposition | null>(null);
  const [notes, setNotes] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const id = useId();

  if (props.inCall || load.state === 'loading' || load.state === 'refused') return null;
  if (load.state === 'failed') {
    if (!props.callEnded) return null;
    return (
      <section className="card wrap-up" aria-label="Wrap up">
        <h3>Wrap up</h3>
        <p className="small" role="alert">
          {load.message}{' '}
          <button type="button" className="btn btn-small" onClick={reload}>
            Retry
          </button>
        </p>
      </section>
    );
  }
  const { wrapUps, session } = load;
  if (!props.callEnded && !session.hadSession && wrapUps.length === 0) return null;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (disposition === null) {
      setProblem('Choose how the session ended.');
      return;
    }
    setBusy(true);
    setProblem(null);
    setSaved(false);
    try {
      await save({ disposition, ...(notes.trim() ? { notes } : {}), ...(session.entryId ? { entryId: session.entryId } : {}) });
      setDisposition(null);
      setNotes('');
      setSaved(true);
    } catch (error) {
      setProblem(messageOf(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card wrap-up" aria-label="Wrap up" data-testid="wrap-up" data-entry-id={session.entryId ?? ''}>
      <h3>Wrap up</h3>
      <form onSubmit={submit} noValidate>
        <fieldset className="wrap-up-dispositions" role="radiogroup">
          <legend className="small">How did the session end?</legend>
          <div className="wrap-up-chips">
            {DISPOSITIONS.map((value) => (
              <label key={value} className="wrap-up-chip" data-testid={`wrap-up-${value}`}>
                <input type="radio" name={`${id}-disposition`} value={value} checked={disposition === value} onChange={() => { setDisposition(value); setProblem(null); setSaved(false); }} />
                {DISPOSITION_WORDS[value]}
              </label>
            ))}
          </div>
        </fieldset>
        <label className="small block wrap-up-notes-label" htmlFor={`${id}-notes`}>
          Notes <span className="muted">(optional)</span>
        </label>
        <textarea id={`${id}-notes`} className="wrap-up-notes" data-testid="wrap-up-notes" rows={3} maxLength={MAX_WRAP_UP_NOTES} value={notes} onChange={(e) => setNotes(e.target.value)} aria-describedby={`${id}-count`} />
        <div className="wrap-up-foot">
          <span id={`${id}-count`} className="muted small" data-testid="wrap-up-count">
            {notes.length} / {MAX_WRAP_UP_NOTES}
          </span>
          <button type="submit" className="btn btn-primary btn-small" data-testid="wrap-up-save" disabled={busy}>
            {busy ? 'Saving…' : 'Save'}
          </button>
        </div>
        {session.entryId && <p className="muted small wrap-up-hint">Saving also ends this session in the queue, so you can be offered the next customer.</p>}
        {problem && (
          <p className="wrap-up-problem small" role="alert" data-testid="wrap-up-problem">
            {problem}
          </p>
        )}
        {saved && (
          <p className="small wrap-up-saved" role="status" data-testid="wrap-up-saved">
            Wrap-up saved.
          </p>
        )}
      </form>
      {wrapUps.length > 0 && (
        <ol className="wrap-up-list" data-testid="wrap-up-list">
          {wrapUps.map((w) => (
            <li key={w.id} data-testid="wrap-up-row" data-disposition={w.disposition}>
              <span className="small">
                <strong>{DISPOSITION_WORDS[w.disposition]}</strong> · {w.userName} · {formatDateTime(w.wrappedAt)}
                {w.entryId ? ' · queue session ended' : ''}
              </span>
              {w.notes && <span className="small wrap-up-row-notes">{w.notes}</span>}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
