// On the assessor's case view: who is invited to the case, and inviting an expert (or a supervisor)
// from the people who can be. The invited person opens the case from their own list and joins the call.
import { useCallback, useEffect, useState } from 'react';
import type { ParticipantView } from '../../../../protocol/after-session.ts';
import type { ParticipantCandidate } from '../../../../protocol/participant-session.ts';
import { participantsApi } from './participants-api.ts';

export function InviteExpert(props: { caseId: string; notify: (tone: 'error' | 'success', text: string) => void }) {
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
      (error: unknown) => notify('error', error instanceof Error ? error.message : 'Could not list who can be invited.'),
    );
  };

  const invite = (): void => {
    const who = candidates?.find((c) => c.userId === choice);
    if (!who) return;
    setBusy(true);
    participantsApi
      .invite(caseId, who.userId)
      .then(() => {
        notify('success', `${who.name} is invited: they open this case from their list and join the call.`);
        setCandidates(null);
        load();
      }, (error: unknown) => notify('error', error instanceof Error ? error.message : 'The invitation failed.'))
      .finally(() => setBusy(false));
  };

  return (
    <div className="invite-expert" data-testid="invite-expert">
      {invited.length > 0 && (
        <p className="muted small" data-testid="invited-list">
          Invited: {invited.map((p) => `${p.name} (${p.role})`).join(', ')}
        </p>
      )}
      {candidates === null ? (
        <button type="button" className="btn btn-small" data-testid="invite-expert-open" onClick={open}>
          Invite expert
        </button>
      ) : candidates.length === 0 ? (
        <p className="muted small" data-testid="invite-expert-none">
          Nobody else can be invited: every expert and supervisor is invited already.{' '}
          <button type="button" className="btn btn-ghost btn-small" onClick={() => setCandidates(null)}>
            Close
          </button>
        </p>
      ) : (
        <div className="invite-expert-form">
          <label className="small" htmlFor={`invite-${caseId}`}>
            Invite
          </label>
          <select id={`invite-${caseId}`} data-testid="invite-expert-choice" value={choice} onChange={(e) => setChoice(e.target.value)}>
            {candidates.map((c) => (
              <option key={c.userId} value={c.userId}>
                {c.name} · {c.role === 'expert' ? 'Expert' : 'Supervisor'}
              </option>
            ))}
          </select>
          <button type="button" className="btn btn-primary btn-small" data-testid="invite-expert-submit" disabled={busy || !choice} onClick={invite}>
            Invite
          </button>
          <button type="button" className="btn btn-ghost btn-small" onClick={() => setCandidates(null)}>
            Cancel
          </button>
        </div>
      )}
    </div>
  );
}
