// The aim guide in words for people who cannot see the AR picture: a visually hidden live region in
// the DOM overlay that says the aim guide's advice ("Move closer", "Good — hold still and take the
// photo") once it has held for a moment, so a phone wavering at a threshold does not chatter.
import { useEffect, useState } from 'react';
import type { AimReport } from '../customer/checklist/aim-status.ts';

/** Advice is spoken once it has held this long. */
export const AIM_SETTLE_MS = 600;

export function AimSpoken(props: { report: AimReport | null }) {
  const [spoken, setSpoken] = useState<{ cue: string; text: string } | null>(null);
  const cue = props.report?.cue ?? null;
  const text = props.report?.instruction ?? '';
  useEffect(() => {
    if (cue === null) {
      setSpoken(null);
      return;
    }
    const timer = window.setTimeout(() => setSpoken({ cue, text }), AIM_SETTLE_MS);
    return () => window.clearTimeout(timer);
  }, [cue, text]);
  return (
    <p className="visually-hidden" role="status" aria-live="polite" aria-atomic="true" data-testid="ar-aim-spoken" data-cue={spoken?.cue ?? ''} data-ok={spoken ? String(spoken.cue === 'ok') : ''}>
      {spoken?.text ?? ''}
    </p>
  );
}
