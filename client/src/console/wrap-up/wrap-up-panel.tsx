// "Wrap up" on a case whose session is over: how it ended (five disposition chips), notes, Save; the
// saved wrap-ups below. When the session came from the queue its entry is named, so saving also ends
// the assessor's hold on it and the next customer can be offered.
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_WRAP_UP_NOTES, type Disposition } from '../../../../protocol/after-session.ts';
import { messageOf } from '../../lib/api.ts';
import { formatDateTime } from '../../ui/format.ts';
import { useWrapUp } from './use-wrap-up.ts';
import './wrap-up.css';

/** In the order the chips show; each one's words are under `console:wrapUp.disposition`. */
const DISPOSITIONS: readonly Disposition[] = ['resolved', 'follow-up', 'escalated', 'no-contact', 'transferred'];

export function WrapUpPanel(props: { caseId: string; inCall: boolean; callEnded: boolean; revision: number }) {
  const { t } = useTranslation('console');
  const dispositionWords = (d: Disposition): string => t(`wrapUp.disposition.${d}`);
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
      <section className="card wrap-up" aria-label={t('wrapUp.title')}>
        <h3>{t('wrapUp.title')}</h3>
        <p className="small" role="alert">
          {load.message}{' '}
          <button type="button" className="btn btn-small" onClick={reload}>
            {t('retry')}
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
      setProblem(t('wrapUp.choose'));
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
    <section className="card wrap-up" aria-label={t('wrapUp.title')} data-testid="wrap-up" data-entry-id={session.entryId ?? ''}>
      <h3>{t('wrapUp.title')}</h3>
      <form onSubmit={submit} noValidate>
        <fieldset className="wrap-up-dispositions" role="radiogroup">
          <legend className="small">{t('wrapUp.how')}</legend>
          <div className="wrap-up-chips">
            {DISPOSITIONS.map((value) => (
              <label key={value} className="wrap-up-chip" data-testid={`wrap-up-${value}`}>
                <input type="radio" name={`${id}-disposition`} value={value} checked={disposition === value} onChange={() => { setDisposition(value); setProblem(null); setSaved(false); }} />
                {dispositionWords(value)}
              </label>
            ))}
          </div>
        </fieldset>
        <label className="small block wrap-up-notes-label" htmlFor={`${id}-notes`}>
          {t('wrapUp.notes')} <span className="muted">{t('wrapUp.optional')}</span>
        </label>
        <textarea id={`${id}-notes`} className="wrap-up-notes" data-testid="wrap-up-notes" rows={3} maxLength={MAX_WRAP_UP_NOTES} value={notes} onChange={(e) => setNotes(e.target.value)} aria-describedby={`${id}-count`} />
        <div className="wrap-up-foot">
          <span id={`${id}-count`} className="muted small" data-testid="wrap-up-count">
            {notes.length} / {MAX_WRAP_UP_NOTES}
          </span>
          <button type="submit" className="btn btn-primary btn-small" data-testid="wrap-up-save" disabled={busy}>
            {busy ? t('saving') : t('actions.save')}
          </button>
        </div>
        {session.entryId && <p className="muted small wrap-up-hint">{t('wrapUp.hint')}</p>}
        {problem && (
          <p className="wrap-up-problem small" role="alert" data-testid="wrap-up-problem">
            {problem}
          </p>
        )}
        {saved && (
          <p className="small wrap-up-saved" role="status" data-testid="wrap-up-saved">
            {t('wrapUp.saved')}
          </p>
        )}
      </form>
      {wrapUps.length > 0 && (
        <ol className="wrap-up-list" data-testid="wrap-up-list">
          {wrapUps.map((w) => (
            <li key={w.id} data-testid="wrap-up-row" data-disposition={w.disposition}>
              <span className="small">
                <strong>{dispositionWords(w.disposition)}</strong>
                {[w.userName, formatDateTime(w.wrappedAt), w.entryId ? t('wrapUp.queueEnded') : null].filter(Boolean).map((part) => ` · ${part}`).join('')}
              </span>
              {w.notes && <span className="small wrap-up-row-notes">{w.notes}</span>}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
