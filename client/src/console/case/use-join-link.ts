// The case view's join link: shown again as it is (nothing revoked), or replaced by a new one only
// after the assessor confirms, since a new link cuts the old one off.
import { useCallback, useState } from 'react';
import type { CaseCreated, CaseView } from '../../../../protocol/http.ts';
import { messageOf } from '../../lib/api.ts';
import type { Tone } from '../../ui/banner.tsx';
import { consoleApi } from '../app/console-api.ts';
import { linkApi } from './link-api.ts';

export function useJoinLink(caseId: string, notify: (tone: Tone, text: string) => void) {
  const [shown, setShown] = useState<CaseCreated | null>(null);
  const [confirming, setConfirming] = useState(false);

  const show = useCallback((caseView: CaseView) => {
    setConfirming(false);
    linkApi.show(caseId).then(
      (link) => setShown({ case: { ...caseView, joinExpiresAt: link.expiresAt }, joinUrl: link.joinUrl, token: link.token }),
      (e: unknown) => notify('error', messageOf(e)),
    );
  }, [caseId, notify]);

  const makeNew = useCallback(() => {
    setConfirming(false);
    consoleApi.newJoinLink(caseId).then(setShown, (e: unknown) => notify('error', messageOf(e)));
  }, [caseId, notify]);

  return {
    shown,
    confirming,
    show,
    askNew: () => setConfirming(true),
    cancelNew: () => setConfirming(false),
    makeNew,
    close: () => setShown(null),
  };
}
