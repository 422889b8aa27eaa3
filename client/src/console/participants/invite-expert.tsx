// On the assessor's case view: who is invited to the case, and inviting an expert (or a supervisor)
// from the people who can be. The invited person opens the case from their own list and joins the call.
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ParticipantView } from '../../../../protocol/after-session.ts';
import type { ParticipantCandidate } from '../../../../protocol/participant-session.ts';
import { participantsApi } from './participants-api.ts';

export function InviteExpert(props: { caseId: string; notify: (tone: 'error' | 'success', text: string) => void }) {
  const { t } = useTranslation('console');
  const { caseId, notify } = props;
  const [invited, setInvited] = useState<ParticipantView[]>([]);
  const [candidates, setCandidates] = useState<ParticipantCandidate[] | null>(null);
  const [choice, setChoice] = useState('');
  const [busy, setBusy] = useState(false);

  const load = useCallback(() => {
    participantsApi.invited(caseId).then(setInvited, () => setInvited([]));
  }, [caseId]);
  useEffect(load, [load]);

  const open = (): void => {
    participantsApi.candidates(caseId).then(
      (list) => {
        setCandidates(list);
        setChoice(list[0]?.userId ?? '');
      },
      (error: unknown) => notify('error', error instanceof Error ? error.message : t('participants.invite.listFailed')),
    );
  };

  const invite = (): void => {
    const who = candidates?.find((c) => c.userId === choice);
    if (!who) return;
    setBusy(true);
    participantsApi
      .invite(caseId, who.userId)
      .then(() => {
        notify('success', t('participants.invite.done', { name: who.name }));
        setCandidates(null);
        load();
      }, (error: unknown) => notify('error', error instanceof Error ? error.message : t('participants.invite.failed')))
      .finally(() => setBusy(false));
  };

  return (
    <div className="invite-expert" data-testid="invite-expert">
      {invited.length > 0 && (
        <p className="muted small" data-testid="invited-list">
          {t('participants.invite.invited', { names: invited.map((p) => t('participants.invite.person', { name: p.name, role: t(`participants.invite.roleWord.${p.role}`, { defaultValue: p.role }) })).join(t('participants.invite.separator')) })}
        </p>
      )}
      {candidates === null ? (
        <button type="button" className="btn btn-small" data-testid="invite-expert-open" onClick={open}>
          {t('participants.invite.open')}
        </button>
      ) : candidates.length === 0 ? (
        <p className="muted small" data-testid="invite-expert-none">
          {t('participants.invite.none')}{' '}
          <button type="button" className="btn btn-ghost btn-small" onClick={() => setCandidates(null)}>
            {t('participants.invite.close')}
          </button>
        </p>
      ) : (
        <div className="invite-expert-form">
          <label className="small" htmlFor={`invite-${caseId}`}>
            {t('participants.invite.invite')}
          </label>
          <select id={`invite-${caseId}`} data-testid="invite-expert-choice" value={choice} onChange={(e) => setChoice(e.target.value)}>
            {candidates.map((c) => (
              <option key={c.userId} value={c.userId}>
                {`${c.name} · ${t(`participants.role.${c.role === 'expert' ? 'expert' : 'supervisor'}`)}`}
              </option>
            ))}
          </select>
          <button type="button" className="btn btn-primary btn-small" data-testid="invite-expert-submit" disabled={busy || !choice} onClick={invite}>
            {t('participants.invite.invite')}
          </button>
          <button type="button" className="btn btn-ghost btn-small" onClick={() => setCandidates(null)}>
            {t('cancel')}
          </button>
        </div>
      )}
    </div>
  );
}
