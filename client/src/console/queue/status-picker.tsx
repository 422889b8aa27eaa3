// The assessor's availability in the top bar, like a contact-centre desktop's status picker: a coloured
// dot and the status; choosing one tells the queue whether to route cases here. During a live call it
// says "In call" (the case's badge's words); the status chosen, kept meanwhile, shows again after it.
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AssessorStatus, StatusBody } from '../../../../protocol/queue.ts';

const CHOICES: StatusBody['status'][] = ['available', 'busy', 'away'];

/** `inCall`: the console holds a live call, which the picker shows over `status` until it ends. */
export function StatusPicker(props: { status: AssessorStatus; inCall?: boolean; onChoose: (status: StatusBody['status']) => Promise<void> }) {
  const { t } = useTranslation('console');
  const label = (status: AssessorStatus): string => t(`queue.status.${status}`);
  const inCall = props.inCall === true;
  const [open, setOpen] = useState(false);
  const [saving, setSaving] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const noteId = useId();

  useEffect(() => {
    if (!open) return;
    const close = (event: Event) => {
      if (event instanceof KeyboardEvent ? event.key === 'Escape' : !root.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', close);
    document.addEventListener('keydown', close);
    return () => {
      document.removeEventListener('pointerdown', close);
      document.removeEventListener('keydown', close);
    };
  }, [open]);

  const choose = (status: StatusBody['status']) => {
    setOpen(false);
    setSaving(true);
    props.onChoose(status).finally(() => setSaving(false));
  };

  return (
    <div className="status-picker" ref={root}>
      <button
        type="button"
        className="status-current"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-label={inCall ? t('queue.status.yoursInCall', { status: label(props.status) }) : t('queue.status.yours', { status: label(props.status) })}
        data-testid="status-picker"
        data-status={props.status}
        data-in-call={inCall}
        disabled={saving}
        onClick={() => setOpen((was) => !was)}
      >
        <span className={`status-dot ${inCall ? 'status-in-call' : `status-${props.status}`}`} aria-hidden="true" />
        {inCall ? t('queue.status.inCall') : label(props.status)}
        <span className="status-caret" aria-hidden="true">▾</span>
      </button>
      {open && (
        <div className="status-menu">
          {inCall && <p className="status-note" id={noteId} data-testid="status-in-call-note">{t('queue.status.inCallNote')}</p>}
          <div role="menu" aria-label={t('queue.status.set')} aria-describedby={inCall ? noteId : undefined}>
            {CHOICES.map((status) => (
              <button key={status} type="button" role="menuitemradio" aria-checked={props.status === status} className="status-choice" data-testid={`status-${status}`} onClick={() => choose(status)}>
                <span className={`status-dot status-${status}`} aria-hidden="true" />
                <span>
                  {label(status)}
                  <small>{t(`queue.status.hint.${status}`)}</small>
                </span>
              </button>
            ))}
          </div>
        </div>
      )}
    </div>
  );
}
