// "How they came in": for a case the customer opened at the front door, the service they chose, their
// words, what the digital assistant answered (and from where), the hand-off and a callback number.
// Nothing for a case an assessor opened (the route answers 404).
import { useEffect, useState } from 'react';
import { CaseFrontDoorView } from '../../../../protocol/intake.ts';
import type { QueueChannel } from '../../../../protocol/queue.ts';
import { ApiRequestError, apiFetch } from '../../lib/api.ts';
import { SERVICE_TITLE, sourceWords } from '../../ui/service-words.ts';
import { formatDateTime } from '../../ui/format.ts';
import './front-door-panel.css';

const CHANNEL: Record<QueueChannel, string> = { text: 'chat', voice: 'voice', video: 'video', xr: '3D/VR' };
const OUTCOME = { open: 'talking to the assistant', answered: 'answered by the assistant', 'handed-off': 'handed to a person', left: 'left the queue' } as const;

type Load = { state: 'loading' } | { state: 'none' } | { state: 'failed'; message: string } | { state: 'loaded'; view: CaseFrontDoorView };

export function FrontDoorPanel(props: { caseId: string; revision: number }) {
  const [load, setLoad] = useState<Load>({ state: 'loading' });

  useEffect(() => {
    const controller = new AbortController();
    apiFetch(`/api/cases/${encodeURIComponent(props.caseId)}/front-door`, CaseFrontDoorView, { signal: controller.signal }).then(
      (view) => setLoad({ state: 'loaded', view }),
      (error: unknown) => {
        if (controller.signal.aborted) return;
        setLoad(error instanceof ApiRequestError && error.status === 404 ? { state: 'none' } : { state: 'failed', message: error instanceof Error ? error.message : String(error) });
      },
    );
    return () => controller.abort();
  }, [props.caseId, props.revision]);

  if (load.state === 'loading' || load.state === 'none') return null;
  if (load.state === 'failed') {
    return (
      <section className="card front-door-panel" aria-label="How they came in">
        <h3>How they came in</h3>
        <p className="muted small" role="alert">{load.message}</p>
      </section>
    );
  }
  const { intake, turns, summary, callback } = load.view;
  return (
    <section className="card front-door-panel" aria-label="How they came in" data-testid="front-door-panel">
      <h3>How they came in</h3>
      <p className="small">
        <strong data-testid="front-door-service">{SERVICE_TITLE[intake.service]}</strong> at the front door, {formatDateTime(intake.createdAt)}, asked for {CHANNEL[intake.channel]}; {OUTCOME[intake.outcome]}.
      </p>
      <blockquote className="front-door-intent" data-testid="front-door-intent">“{intake.intent}”</blockquote>
      {turns.length > 0 && (
        <ol className="front-door-turns" data-testid="front-door-turns">
          {turns.map((turn, i) => (
            <li key={i}>
              <span className="small"><strong>Q</strong> {turn.question}</span>
              <span className="small block muted"><strong>Assistant</strong> ({sourceWords(turn.source)}): {turn.answer}</span>
            </li>
          ))}
        </ol>
      )}
      {summary && <p className="small muted" data-testid="front-door-handoff">Handed over: {summary.reason}. Photos: {summary.photos.count}.</p>}
      {callback && (
        <p className="small" data-testid="front-door-callback">
          Call back on <strong>{callback.phone}</strong>
          {callback.note ? ` — ${callback.note}` : ''}
        </p>
      )}
    </section>
  );
}
