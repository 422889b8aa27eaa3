// The captions band between the picture and the controls (never over the camera's buttons): the
// assessor's last words in large, high-contrast text, or what stands in their way — a download to offer,
// "not available on this device" with the chat one tap away.
import { useTranslation } from 'react-i18next';
import type { Captions } from './use-captions.ts';

export function CaptionsBand(props: { captions: Captions; assessorName: string; onChat: () => void }) {
  const { t } = useTranslation('customer');
  const { captions } = props;
  const name = props.assessorName;
  const chat = (
    <button type="button" className="btn btn-small btn-primary" data-testid="captions-chat" onClick={props.onChat}>
      {t('captions.openChat')}
    </button>
  );
  return (
    <section className="captions-band" aria-label={t('captions.region')} data-testid="captions" data-state={captions.decision}>
      {captions.decision === 'ready' && (
        <p className="captions-text" data-testid="captions-text">
          {captions.text || <span className="captions-note">{t('captions.listening', { name })}</span>}
        </p>
      )}
      {captions.decision === 'checking' && <p className="captions-note">{t('captions.checking')}</p>}
      {captions.decision === 'waiting' && <p className="captions-note">{t('captions.waiting', { name })}</p>}
      {captions.decision === 'download' && (
        <>
          <p className="captions-note">{t('captions.download', { language: t('common:language.name') })}</p>
          <p className="captions-why">{t('captions.why')}</p>
          <div className="captions-actions">
            <button type="button" className="btn btn-small" data-testid="captions-download" onClick={captions.download}>
              {t('captions.downloadButton')}
            </button>
            {chat}
          </div>
        </>
      )}
      {captions.decision === 'downloading' && <p className="captions-note">{t('captions.downloading')}</p>}
      {captions.decision === 'unavailable' && (
        <>
          <p className="captions-note" data-testid="captions-unavailable">
            {t('captions.unavailable')}
          </p>
          <p className="captions-why">{t('captions.why')}</p>
          <div className="captions-actions">{chat}</div>
        </>
      )}
    </section>
  );
}
