// The wall board's live half: who is waiting (place, service, channel, priority, wait so far, estimate,
// who it is offered to) and the assessors (status, load against capacity per channel, the offer they hold).
import { useTranslation } from 'react-i18next';
import type { QueueChannel } from '../../../../protocol/queue.ts';
import { SERVICE_TITLE } from '../../ui/service-words.ts';
import { translatedRecord } from '../../ui/translated-record.ts';
import { formatWaited } from '../queue/queue-time.ts';
import { formatNumber, formatSeconds } from './kpi-period.ts';
import type { SupervisorQueue } from './supervisor-api.ts';

const CHANNELS: QueueChannel[] = ['text', 'voice', 'video', 'xr'];
export const CHANNEL_NAMES = translatedRecord(CHANNELS, (channel) => `supervisor:channel.${channel}`);
const STATUS_NAMES = translatedRecord(['available', 'busy', 'away', 'offline'] as const, (status) => `supervisor:status.${status}`);
const STATUS_TONE = { available: 'badge-ok', busy: 'badge-warn', away: 'badge-bad', offline: '' } as const;

export function QueueBoard(props: { queue: SupervisorQueue; now: number }) {
  const { queue, now } = props;
  const { t } = useTranslation('supervisor');
  const names = new Map(queue.assessors.map((a) => [a.id, a.name]));
  const available = queue.assessors.filter((a) => a.status === 'available').length;
  const longest = queue.entries.reduce((max, e) => Math.max(max, now - Date.parse(e.enqueuedAt)), 0);
  const offered = queue.entries.filter((e) => e.state === 'offered').length;

  return (
    <section className="sv-live" aria-label={t('live.label')}>
      <div className="sv-board" data-testid="queue-board">
        <Figure label={t('live.waiting')} value={formatNumber(queue.entries.length)} testId="board-waiting" tone={queue.entries.length > available ? 'warn' : 'ok'} />
        <Figure label={t('live.longest')} value={queue.entries.length ? formatWaited(longest) : '—'} testId="board-longest" tone={longest > 120_000 ? 'bad' : 'ok'} />
        <Figure label={t('live.offers')} value={formatNumber(offered)} testId="board-offered" />
        <Figure label={t('live.available')} value={t('live.availableValue', { available: formatNumber(available), all: formatNumber(queue.assessors.length) })} testId="board-available" />
      </div>
      <div className="sv-live-grid">
        <div className="card sv-table-card">
          <h2>{t('live.customers')}</h2>
          {queue.entries.length === 0 ? (
            <p className="muted" data-testid="queue-empty">{t('live.nobody')}</p>
          ) : (
            <table className="table sv-table" data-testid="queue-entries">
              <thead>
                <tr>
                  <th>#</th><th>{t('live.case')}</th><th>{t('live.service')}</th><th>{t('live.channel')}</th><th>{t('live.priority')}</th><th>{t('live.waitingFor')}</th><th>{t('live.eta')}</th><th>{t('live.offeredTo')}</th>
                </tr>
              </thead>
              <tbody>
                {queue.entries.map((e) => (
                  <tr key={e.id} data-testid="queue-entry" data-entry-id={e.id} data-state={e.state}>
                    <td className="sv-num">{e.position}</td>
                    <td><a href={`#/cases/${encodeURIComponent(e.caseId)}`}>{e.caseTitle ?? e.caseId}</a></td>
                    <td>{e.service ? SERVICE_TITLE[e.service] : '—'}</td>
                    <td>{CHANNEL_NAMES[e.channel]}</td>
                    <td className="sv-num">{e.priority > 0 ? <span className="badge badge-warn">{t('live.priorityValue', { priority: e.priority })}</span> : '0'}</td>
                    <td className="sv-num" data-testid="entry-wait">{formatWaited(now - Date.parse(e.enqueuedAt))}</td>
                    <td className="sv-num">{formatSeconds(e.etaSeconds)}</td>
                    <td>{e.offeredTo ? <span className="badge badge-brand badge-pulse">{names.get(e.offeredTo) ?? e.offeredTo}</span> : <span className="muted">{t('live.notOffered')}</span>}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
        <div className="card sv-table-card">
          <h2>{t('live.assessors')}</h2>
          {queue.assessors.length === 0 ? (
            <p className="muted">{t('live.noAssessors')}</p>
          ) : (
            <table className="table sv-table" data-testid="queue-assessors">
              <thead>
                <tr><th>{t('live.assessor')}</th><th>{t('live.status')}</th><th>{t('live.load')}</th><th>{t('live.offer')}</th></tr>
              </thead>
              <tbody>
                {queue.assessors.map((a) => (
                  <tr key={a.id} data-testid="queue-assessor" data-status={a.status}>
                    <td><strong>{a.name}</strong></td>
                    <td><span className={`badge ${STATUS_TONE[a.status]}`}>{STATUS_NAMES[a.status]}</span></td>
                    <td className="small">
                      {CHANNELS.filter((c) => (a.capacity[c] ?? 0) > 0 || (a.load[c] ?? 0) > 0).map((c) => (
                        <span key={c} className={`sv-load ${(a.load[c] ?? 0) >= (a.capacity[c] ?? 0) ? 'sv-load-full' : ''}`}>
                          {t('live.loadValue', { channel: CHANNEL_NAMES[c], load: a.load[c] ?? 0, capacity: a.capacity[c] ?? 0 })}
                        </span>
                      ))}
                    </td>
                    <td>{a.offer ? <span className="badge badge-brand">{offerName(queue, a.offer) ?? t('live.anOffer')}</span> : <span className="muted">—</span>}</td>
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

/** The offered entry's case, by title when the server sends it; null for an entry no longer in the queue. */
function offerName(queue: SupervisorQueue, entryId: string): string | null {
  const entry = queue.entries.find((e) => e.id === entryId);
  return entry ? (entry.caseTitle ?? entry.caseId) : null;
}

function Figure(props: { label: string; value: string; testId: string; tone?: 'ok' | 'warn' | 'bad' }) {
  return (
    <div className={`sv-figure ${props.tone ? `sv-figure-${props.tone}` : ''}`}>
      <span className="sv-figure-value" data-testid={props.testId}>{props.value}</span>
      <span className="sv-figure-label">{props.label}</span>
    </div>
  );
}
