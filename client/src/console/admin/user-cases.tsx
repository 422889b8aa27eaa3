// One user's open cases on the users page, each with a control to reassign it to an enabled assessor
// (a disabled user's cases would otherwise wait for nobody).
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseView, UserAdminView } from '../../../../protocol/http.ts';
import { messageOf } from '../../lib/api.ts';
import type { Tone } from '../../ui/banner.tsx';
import { consoleApi } from '../app/console-api.ts';
import { useConsoleEvent } from '../app/use-console-event.ts';

export function UserCases(props: { user: UserAdminView; users: UserAdminView[]; onMoved: () => void; notify: (tone: Tone, text: string) => void }) {
  const [cases, setCases] = useState<CaseView[] | null>(null);
  const [targets, setTargets] = useState<Record<string, string>>({});
  const userId = props.user.id;
  const { notify } = props;
  const { t } = useTranslation('admin');

  useEffect(() => {
    const controller = new AbortController();
    consoleApi.listCases(new URLSearchParams({ status: 'open', assessorId: userId }).toString(), controller.signal).then(setCases, (e: unknown) => {
      if (!controller.signal.aborted) notify('error', messageOf(e));
    });
    return () => controller.abort();
  }, [userId, notify]);

  useConsoleEvent((event) => {
    if (event.type !== 'case') return;
    setCases((list) => list && (event.case.assessorId === userId && !event.case.closedAt ? [...list.filter((c) => c.id !== event.case.id), event.case] : list.filter((c) => c.id !== event.case.id)));
  });

  const others = props.users.filter((u) => u.id !== userId && !u.disabledAt);
  function assign(caseId: string): void {
    const to = targets[caseId] ?? others[0]?.id;
    if (!to) return;
    consoleApi.assignCase(caseId, { assessorId: to }).then(
      (moved) => {
        setCases((list) => list?.filter((c) => c.id !== moved.id) ?? list);
        notify('success', t('userCases.assigned', { title: moved.title, name: others.find((u) => u.id === to)?.name ?? t('userCases.theAssessor') }));
        props.onMoved();
      },
      (e: unknown) => notify('error', messageOf(e)),
    );
  }

  if (cases === null) return <p className="muted small">{t('userCases.loading')}</p>;
  if (cases.length === 0) return <p className="muted small" data-testid="user-cases-none">{t('userCases.none')}</p>;
  return (
    <ul className="user-cases" data-testid="user-cases">
      {cases.map((c) => (
        <li key={c.id} data-testid="user-case" data-case-id={c.id}>
          <a href={`#/cases/${encodeURIComponent(c.id)}`}>{c.title}</a>
          {c.reference && <span className="muted small"> · {c.reference}</span>}
          <span className="spacer" />
          <select aria-label={t('userCases.assignTo', { title: c.title })} data-testid="user-case-target" value={targets[c.id] ?? others[0]?.id ?? ''} onChange={(e) => setTargets((t) => ({ ...t, [c.id]: e.target.value }))}>
            {others.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </select>
          <button type="button" className="btn btn-small" data-testid="user-case-assign" disabled={others.length === 0} onClick={() => assign(c.id)}>
            {t('userCases.reassign')}
          </button>
        </li>
      ))}
    </ul>
  );
}
