// A case's join link as one compact badge: its state, and while it works, when it expires.
import { useTranslation } from 'react-i18next';
import type { CaseView } from '../../../../protocol/http.ts';
import { linkBadge } from './link-words.ts';

const toneClass = { neutral: '', ok: 'badge-ok', warn: 'badge-warn', bad: 'badge-bad' } as const;

export function LinkBadge(props: { case: Pick<CaseView, 'linkState' | 'joinExpiresAt'>; now?: Date }) {
  useTranslation('console');
  const badge = linkBadge(props.case, props.now ?? new Date());
  return (
    <span className={`badge link-badge ${toneClass[badge.tone]}`} data-testid="link-state" data-state={badge.state}>
      {badge.text}
    </span>
  );
}
