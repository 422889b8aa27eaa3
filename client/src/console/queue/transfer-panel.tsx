// "Transfer" on a case whose session came from the queue: warm (a colleague reads the summary and a
// note before taking over; the customer stays with you until they accept, and you can cancel) or cold
// (back to the head of the queue, for a colleague or a skill). While a warm transfer waits, the panel
// says who for; how it ended comes back as a console event.
import { useId, useState, type FormEvent } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { TransferBody } from '../../../../protocol/queue.ts';
import { messageOf } from '../../lib/api.ts';
import { useTransfer, type Colleague } from './use-transfer.ts';

const MAX_NOTE = 500;

/** `onHandedOver`: a cold transfer was sent, so this console's call ends once a colleague's call replaces it. */
export function TransferPanel(props: { caseId: string; revision: number; onHandedOver?: () => void }) {
  const { t } = useTranslation('console');
  const transfer = useTransfer(props.caseId, props.revision);
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const { entry, notice } = transfer;

  const noticeLine = notice && <p className="banner banner-info transfer-notice" role="status" data-testid="transfer-notice"><span className="banner-text">{notice}</span></p>;
  if (!entry) return noticeLine || null;

  if (entry.pendingTo !== null) {
    const name = transfer.colleagues.find((c) => c.id === entry.pendingTo)?.name ?? t('transfer.yourColleague');
    const cancel = (): void => {
      setBusy(true);
      transfer.cancel().then((failure) => {
        setProblem(failure);
        setBusy(false);
      });
    };
    return (
      <section className="card transfer transfer-waiting" aria-label={t('transfer.label')} data-testid="transfer-pending">
        <p role="status"><span className="transfer-spinner" aria-hidden="true" /> {t('transfer.waiting', { name })}</p>
        {problem && <p className="field-error" role="alert">{problem}</p>}
        <button type="button" className="btn btn-small" data-testid="transfer-cancel" disabled={busy} onClick={cancel}>{t('transfer.cancel')}</button>
      </section>
    );
  }

  return (
    <section className="card transfer" aria-label={t('transfer.label')} data-testid="transfer">
      {noticeLine}
      {open ? (
        <TransferForm
          colleagues={transfer.colleagues}
          onCancel={() => setOpen(false)}
          onSend={async (body) => {
            await transfer.send(body);
            if (body.mode === 'cold') props.onHandedOver?.();
            setOpen(false);
          }}
        />
      ) : (
        <button type="button" className="btn" data-testid="transfer-open" onClick={() => { transfer.loadColleagues(); setOpen(true); }}>
          {t('transfer.open')}
        </button>
      )}
    </section>
  );
}

function TransferForm(props: { colleagues: Colleague[]; onCancel: () => void; onSend: (body: TransferBody) => Promise<void> }) {
  const { t } = useTranslation('console');
  const id = useId();
  const [mode, setMode] = useState<'warm' | 'cold'>('warm');
  const [target, setTarget] = useState('');
  const [skill, setSkill] = useState('');
  const [level, setLevel] = useState(1);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    const body = {
      mode,
      ...(target && target !== 'skill' ? { to: target } : {}),
      ...(target === 'skill' ? { skill: { skill: skill.trim(), minLevel: level } } : {}),
      ...(note.trim() ? { note } : {}),
    };
    const parsed = TransferBody.safeParse(body);
    if (!parsed.success) {
      setProblem(target === 'skill' ? t('transfer.badSkill') : t('transfer.chooseSomeone'));
      return;
    }
    setBusy(true);
    setProblem(null);
    props.onSend(parsed.data).catch((failure: unknown) => {
      setProblem(messageOf(failure));
      setBusy(false);
    });
  };

  return (
    <form className="transfer-form" noValidate onSubmit={submit} data-testid="transfer-form">
      <h3>{t('transfer.title')}</h3>
      <fieldset className="transfer-modes">
        <legend>{t('transfer.how')}</legend>
        <label><input type="radio" name={`${id}-mode`} value="warm" data-testid="transfer-warm" checked={mode === 'warm'} onChange={() => setMode('warm')} /> <span><Trans t={t} i18nKey="transfer.warm" components={{ b: <strong /> }} /></span></label>
        <label><input type="radio" name={`${id}-mode`} value="cold" data-testid="transfer-cold" checked={mode === 'cold'} onChange={() => setMode('cold')} /> <span><Trans t={t} i18nKey="transfer.cold" components={{ b: <strong /> }} /></span></label>
      </fieldset>
      <div className="field">
        <label htmlFor={`${id}-to`}>{t('transfer.to')}</label>
        <select id={`${id}-to`} data-testid="transfer-to" value={target} onChange={(e) => setTarget(e.target.value)}>
          <option value="">{mode === 'cold' ? t('transfer.anyone') : t('transfer.chooseColleague')}</option>
          {props.colleagues.map((c) => (
            <option key={c.id} value={c.id} disabled={mode === 'warm' && c.status !== 'available'}>{t('transfer.colleague', { name: c.name, status: t(`transfer.status.${c.status}`) })}</option>
          ))}
          <option value="skill">{t('transfer.anySkill')}</option>
        </select>
      </div>
      {target === 'skill' && (
        <div className="transfer-skill">
          <div className="field">
            <label htmlFor={`${id}-skill`}>{t('transfer.skill')}</label>
            <input id={`${id}-skill`} data-testid="transfer-skill" value={skill} maxLength={40} placeholder={t('transfer.skillHint')} onChange={(e) => setSkill(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor={`${id}-level`}>{t('transfer.atLeast')}</label>
            <select id={`${id}-level`} value={level} onChange={(e) => setLevel(Number(e.target.value))}>
              {[1, 2, 3, 4, 5].map((n) => <option key={n} value={n}>{t('transfer.level', { level: n })}</option>)}
            </select>
          </div>
        </div>
      )}
      <div className="field">
        <label htmlFor={`${id}-note`}>{t('transfer.note')} <span className="muted small">{t('newCase.optional')}</span></label>
        <textarea id={`${id}-note`} data-testid="transfer-note" rows={3} maxLength={MAX_NOTE} value={note} onChange={(e) => setNote(e.target.value)} aria-describedby={`${id}-count`} />
        <p className="muted small" id={`${id}-count`}>{note.length} / {MAX_NOTE}</p>
      </div>
      {problem && <p className="field-error" role="alert" data-testid="transfer-error">{problem}</p>}
      <div className="transfer-actions">
        <button type="button" className="btn" onClick={props.onCancel}>{t('transfer.back')}</button>
        <button type="submit" className="btn btn-primary" data-testid="transfer-send" disabled={busy}>{mode === 'warm' ? t('transfer.askTakeOver') : t('transfer.sendQueue')}</button>
      </div>
    </form>
  );
}
