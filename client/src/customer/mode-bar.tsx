// The mode ladder as one compact segmented control (AR · 3D · Camera · Voice · Text, as the device
// offers them), and the assessor's proposal to switch (with their reason), which the customer answers.
import type { ReactNode } from 'react';
import type { CustomerMode } from '../../../protocol/messages.ts';
import { Trans, useTranslation } from 'react-i18next';
import { Banner } from '../ui/banner.tsx';
import { MODE_HINT, MODE_LABEL, MODE_SHORT } from './modes.ts';
import type { ModeProposal } from './use-customer-mode.ts';

export function ModeBar(props: {
  mode: CustomerMode;
  available: readonly CustomerMode[];
  onSwitch: (mode: CustomerMode) => void;
}) {
  const { t } = useTranslation('customer');
  if (props.available.length < 2) return null;
  return (
    <div className="mode-bar" role="group" aria-label={t('mode.group')} data-testid="customer-mode" data-mode={props.mode}>
      {props.available.map((m) => (
        <button
          key={m}
          type="button"
          className="mode-segment"
          data-testid={`mode-${m}`}
          aria-pressed={m === props.mode}
          title={t('mode.segmentTitle', { label: MODE_LABEL[m], hint: MODE_HINT[m] })}
          onClick={() => m !== props.mode && props.onSwitch(m)}
        >
          {MODE_SHORT[m]}
        </button>
      ))}
    </div>
  );
}

export function ModeRequest(props: { requested: ModeProposal | null; onAnswer: (accepted: boolean) => void }) {
  const { t } = useTranslation('customer');
  const { requested } = props;
  if (!requested) return null;
  return (
    <Banner tone="info" testId="mode-request" quiet>
      {/* The reason is the assessor's own words, shown as typed (a dynamic child, never parsed as a message). */}
      <Trans
        t={t}
        i18nKey={requested.reason ? 'mode.requestReason' : 'mode.request'}
        values={{ mode: MODE_LABEL[requested.mode] }}
        components={{
          strong: <strong />,
          reason: (
            <Reason i18nIsDynamicList>{requested.reason}</Reason>
          ),
        }}
      />{' '}
      {/* The two answers on a row of their own, under the question (not run into its last line). */}
      <span className="mode-request-actions">
        <button type="button" className="btn btn-small btn-primary" data-testid="mode-request-accept" onClick={() => props.onAnswer(true)}>
          {t('mode.accept')}
        </button>{' '}
        <button type="button" className="btn btn-small" data-testid="mode-request-decline" onClick={() => props.onAnswer(false)}>
          {t('mode.decline')}
        </button>
      </span>
    </Banner>
  );
}

/** The assessor's reason, quoted as they wrote it. */
function Reason(props: { children?: ReactNode }) {
  return <q data-testid="mode-request-reason">{props.children}</q>;
}
