// "Transfer" on a case whose session came from the queue: warm (a colleague reads the summary and a
// note before taking over; the customer stays with you until they accept, and you can cancel) or cold
// (back to the head of the queue, for a colleague or a skill). While a warm transfer waits, the panel
// says who for; how it ended comes back as a console event.
import { useId, useState, type FormEvent } from 'react';
import { TransferBody } from '../../../../protocol/queue.ts';
import { messageOf } from '../../lib/api.ts';
import { useTransfer, type Colleague } from './use-transfer.ts';

const MAX_NOTE = 500;
const STATUS_WORDS: Record<Colleague['status'], string> = { available: 'available', busy: 'busy', away: 'away', offline: 'offline' };

/** `onHandedOver`: a cold transfer was sent, so this console's call ends once a colleague's call replaces it. */
export function TransferPanel(props: { caseId: string; revision: number; onHandedOver?: () => void }) {
  const transfer = useTransfer(props.caseId, props.revision);
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const { entry, notice } = transfer;

  const noticeLine = notice && <p className="banner banner-info transfer-notice" role="status" data-testid="transfer-notice"><span className="banner-text">{notice}</span></p>;
  if (!entry) return noticeLine || null;

  if (entry.pendingTo !== null) {
    const name = transfer.colleagues.find((c) => c.id === entry.pendingTo)?.name ?? 'your colleague';
    const cancel = (): void => {
      setBusy(true);
      transfer.cancel().then((failure) => {
        setProblem(failure);
        setBusy(false);
      });
    };
    return (
      <section className="card transfer transfer-waiting" aria-label="Transfer" data-testid="transfer-pending">
        <p role="status"><span className="transfer-spinner" aria-hidden="true" /> Waiting for {name}… The customer stays with you until they accept.</p>
        {problem && <p className="field-error" role="alert">{problem}</p>}
        <button type="button" className="btn btn-small" data-testid="transfer-cancel" disabled={busy} onClick={cancel}>Cancel transfer</button>
      </section>
    );
  }

  return (
    <section className="card transfer" aria-label="Transfer" data-testid="transfer">
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
          Transfer…
        </button>
      )}
    </section>
  );
}

function TransferForm(props: { colleagues: Colleague[]; onCancel: () => void; onSend: (body: TransferBody) => Promise<void> }) {
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
      setProblem(target === 'skill' ? 'Name the skill: letters, digits or : . _ -' : 'Choose a colleague or a skill for a warm transfer.');
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
      <h3>Transfer the customer</h3>
      <fieldset className="transfer-modes">
        <legend>How</legend>
        <label><input type="radio" name={`${id}-mode`} value="warm" data-testid="transfer-warm" checked={mode === 'warm'} onChange={() => setMode('warm')} /> <span><strong>Warm</strong> — a colleague reads your note first; the customer stays with you until they accept</span></label>
        <label><input type="radio" name={`${id}-mode`} value="cold" data-testid="transfer-cold" checked={mode === 'cold'} onChange={() => setMode('cold')} /> <span><strong>Cold</strong> — back to the head of the queue now, for a colleague or a skill</span></label>
      </fieldset>
      <div className="field">
        <label htmlFor={`${id}-to`}>To</label>
        <select id={`${id}-to`} data-testid="transfer-to" value={target} onChange={(e) => setTarget(e.target.value)}>
          <option value="">{mode === 'cold' ? 'Anyone, as the queue routes it' : 'Choose a colleague…'}</option>
          {props.colleagues.map((c) => (
            <option key={c.id} value={c.id} disabled={mode === 'warm' && c.status !== 'available'}>{c.name} — {STATUS_WORDS[c.status]}</option>
          ))}
          <option value="skill">Anyone with a skill…</option>
        </select>
      </div>
      {target === 'skill' && (
        <div className="transfer-skill">
          <div className="field">
            <label htmlFor={`${id}-skill`}>Skill</label>
            <input id={`${id}-skill`} data-testid="transfer-skill" value={skill} maxLength={40} placeholder="e.g. property" onChange={(e) => setSkill(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor={`${id}-level`}>At least</label>
            <select id={`${id}-level`} value={level} onChange={(e) => setLevel(Number(e.target.value))}>
              {[1, 2, 3, 4, 5].map((n) => <option key={n} value={n}>level {n}</option>)}
            </select>
          </div>
        </div>
      )}
      <div className="field">
        <label htmlFor={`${id}-note`}>Note for your colleague <span className="muted small">optional</span></label>
        <textarea id={`${id}-note`} data-testid="transfer-note" rows={3} maxLength={MAX_NOTE} value={note} onChange={(e) => setNote(e.target.value)} aria-describedby={`${id}-count`} />
        <p className="muted small" id={`${id}-count`}>{note.length} / {MAX_NOTE}</p>
      </div>
      {problem && <p className="field-error" role="alert" data-testid="transfer-error">{problem}</p>}
      <div className="transfer-actions">
        <button type="button" className="btn" onClick={props.onCancel}>Back</button>
        <button type="submit" className="btn btn-primary" data-testid="transfer-send" disabled={busy}>{mode === 'warm' ? 'Ask to take over' : 'Send to the queue'}</button>
      </div>
    </form>
  );
}
