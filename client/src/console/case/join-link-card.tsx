// A case's join link: the URL with a copy button, a QR code for a phone to scan, and sending it by email
// or SMS where the server can. A preview with a tour can also be sent as a self-guided tour
// (&guide=self): the customer looks around alone, and joins a call only when they tap "Talk to someone".
import { toCanvas } from 'qrcode';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseCreated } from '../../../../protocol/http.ts';
import { formatDateTime } from '../../ui/format.ts';
import { LinkSends } from './link-sends.tsx';

export function JoinLinkCard(props: { created: CaseCreated; onClose?: () => void }) {
  const { t } = useTranslation('console');
  const canvas = useRef<HTMLCanvasElement>(null);
  const [copied, setCopied] = useState<'idle' | 'copied' | 'failed'>('idle');
  const [selfGuided, setSelfGuided] = useState(false);
  const hasTour = props.created.case.kind === 'preview' && Boolean(props.created.case.tour);
  const joinUrl = hasTour && selfGuided ? `${props.created.joinUrl}&guide=self` : props.created.joinUrl;

  useEffect(() => {
    if (canvas.current) void toCanvas(canvas.current, joinUrl, { width: 184, margin: 1, errorCorrectionLevel: 'M' });
  }, [joinUrl]);

  useEffect(() => {
    if (copied === 'idle') return;
    const timer = setTimeout(() => setCopied('idle'), 2500);
    return () => clearTimeout(timer);
  }, [copied]);

  function copy(): void {
    navigator.clipboard.writeText(joinUrl).then(
      () => setCopied('copied'),
      () => setCopied('failed'),
    );
  }

  return (
    <section className="card join-link" data-testid="join-link-card">
      <div className="join-link-text">
        <h2>{t('joinLink.title', { title: props.created.case.title })}</h2>
        <p className="muted small">
          {t('joinLink.intro', { until: formatDateTime(props.created.case.joinExpiresAt) })}
        </p>
        {hasTour && (
          <div className="join-link-guide" role="group" aria-label={t('joinLink.guideLabel')}>
            <label>
              <input type="radio" name="join-guide" data-testid="join-link-guided" checked={!selfGuided} onChange={() => setSelfGuided(false)} /> {t('joinLink.guided')}
            </label>
            <label>
              <input type="radio" name="join-guide" data-testid="join-link-self-guided" checked={selfGuided} onChange={() => setSelfGuided(true)} /> {t('joinLink.selfGuided')}
            </label>
          </div>
        )}
        <div className="join-link-row">
          <input readOnly value={joinUrl} data-testid="join-link-url" aria-label={t('joinLink.url')} onFocus={(e) => e.target.select()} />
          <button type="button" className="btn btn-primary" data-testid="join-link-copy" onClick={copy}>
            {copied === 'copied' ? t('joinLink.copied') : copied === 'failed' ? t('joinLink.selectCopy') : t('joinLink.copy')}
          </button>
        </div>
        <LinkSends caseId={props.created.case.id} />
      </div>
      <canvas ref={canvas} className="qr" data-testid="join-link-qr" aria-label={t('joinLink.qr')} />
      {props.onClose && (
        <button type="button" className="banner-close join-link-close" aria-label={t('joinLink.close')} data-testid="join-link-close" onClick={props.onClose}>
          ×
        </button>
      )}
    </section>
  );
}
