// The wall board's live half: who is waiting (place, service, channel, priority, wait so far, estimate,
// who it is offered to) and the assessors (status, load against capacity per channel, the offer they hold).
import type { QueueChannel } from '../../../../protocol/queue.ts';
import { SERVICE_TITLE } from '../../ui/service-words.ts';
import { formatWaited } from '../queue/queue-time.ts';
import { formatSeconds } from './kpi-period.ts';
import type { SupervisorQueue } from './supervisor-api.ts';

export const CHANNEL_NAMES: Record<QueueChannel, string> = { text: 'Chat', voice: 'Voice', video: 'Video', xr: '3D / VR' };
const CHANNELS: QueueChannel[] = ['text', 'voice', 'video', 'xr'];
const STATUS_TONE = { available: 'badge-ok', busy: 'badge-warn', away: 'badge-bad', offline: '' } as const;

export function QueueBoard(props: { queue: SupervisorQueue; now: number }) {
  const { queue, now } = props;
  const names = new Map(queue.assessors.map((a) => [a.id, a.name]));
  const available = queue.assessors.filter((a) => a.status === 'available').length;
  const longest = queue.entries.reduce((max, e) => Math.max(max, now - Date.parse(e.enqueuedAt)), 0);
  const offered = queue.entries.filter((e) => e.state === 'offered').length;

  return (
    <section className="sv-live" aria-label="Live queue">
      <div className="sv-board" data-testid="queue-board">
        <Figure label="Waiting" value={String(queue.entries.length)} testId="board-waiting" tone={queue.entries.length > available ? 'warn' : 'ok'} />
        <Figure label="Longest wait" value={queue.entries.length ? formatWaited(longest) : '—'} testId="board-longest" tone={longest > 120_000 ? 'bad' : 'ok'} />
        <Figure label="Offers out" value={String(offered)} testId="board-offered" />
        <Figure label="Assessors available" value={`${available} / ${queue.assessors.length}`} testId="board-available" />
      </div>
      <div className="sv-live-grid">
        <div className="card sv-table-card">
          <h2>Waiting customers</h2>
          {queue.entries.length === 0 ? (
            <p className="muted" data-testid="queue-empty">Nobody is waiting.</p>
          ) : (
            <table className="table sv-table" data-testid="queue-entries">
              <thead>
                <tr>
                  <th>#</th><th>Case</th><th>Service</th><th>Channel</th><th>Priority</th><th>Waiting</th><th>ETA</th><th>Offered to</th>
                </tr>
              </thead>
              <tbody>
                {queue.entries.map((e) => (
                  <tr key={e.id} data-testid="queue-entry" data-entry-id={e.id} data-state={e.state}>
                    <td className="sv-num">{e.position}</td>
                    <td><a href={`#/cases/${encodeURIComponent(e.caseId)}`}>{e.caseTitle ?? e.caseId}</a></td>
                    <td>{e.service ? SERVICE_TITLE[e.service] : '—'}</td>
                    <td>{CHANNEL_NAMES[e.channel]}</td>
                    <td className="sv-num">{e.priority > 0 ? <span className="badge badge-warn">P{e.priority}</span> : '0'}</td>
                    <td className="sv-num" data-testid="entry-wait">{formatWaited(now - Date.parse(e.enqueuedAt))}</td>
                    <td className="sv-num">{formatSeconds(e.etaSeconds)}</td>
                    <td>{e.offeredTo ? <span className="badge badge-brand badge-pulse">{names.get(e.offeredTo) ?? e.offeredTo}</span> : <span className="muted">waiting</span>}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
        <div className="card sv-table-card">
          <h2>Assessors</h2>
          {queue.assessors.length === 0 ? (
            <p className="muted">No assessor has routing set yet.</p>
          ) : (
            <table className="table sv-table" data-testid="queue-assessors">
              <thead>
                <tr><th>Assessor</th><th>Status</th><th>Load / capacity</th><th>Offer</th></tr>
              </thead>
              <tbody>
                {queue.assessors.map((a) => (
                  <tr key={a.id} data-testid="queue-assessor" data-status={a.status}>
                    <td><strong>{a.name}</strong></td>
                    <td><span className={`badge ${STATUS_TONE[a.status]}`}>{a.status}</span></td>
                    <td className="small">
                      {CHANNELS.filter((c) => (a.capacity[c] ?? 0) > 0 || (a.load[c] ?? 0) > 0).map((c) => (
                        <span key={c} className={`sv-load ${(a.load[c] ?? 0) >= (a.capacity[c] ?? 0) ? 'sv-load-full' : ''}`}>
                          {CHANNEL_NAMES[c]} {a.load[c] ?? 0}/{a.capacity[c] ?? 0}
                        </span>
                      ))}
                    </td>
                    <td>{a.offer ? <span className="badge badge-brand">{offerName(queue, a.offer)}</span> : <span className="muted">—</span>}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      </div>
    </section>
  );
}

/** The offered entry's case, by title when the server sends it. */
function offerName(queue: SupervisorQueue, entryId: string): string {
  const entry = queue.entries.find((e) => e.id === entryId);
  return entry ? (entry.caseTitle ?? entry.caseId) : 'an offer';
}

function Figure(props: { label: string; value: string; testId: string; tone?: 'ok' | 'warn' | 'bad' }) {
  return (
    <div className={`sv-figure ${props.tone ? `sv-figure-${props.tone}` : ''}`}>
      <span className="sv-figure-value" data-testid={props.testId}>{props.value}</span>
      <span className="sv-figure-label">{props.label}</span>
    </div>
  );
}
