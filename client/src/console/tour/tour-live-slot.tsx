// Where a preview case with a tour shows its live tour instead of the video: the panel loads on
// demand; the customer's voice plays from here, so it is heard while the panel loads, too.
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { useSrcObject } from '../../ui/use-src-object.ts';
import type { TourLivePanelProps } from './tour-live-panel.tsx';

const TourLivePanel = lazy(() => import('./tour-live-panel.tsx'));

export function TourLiveSlot(props: TourLivePanelProps & { stream: MediaStream | null }) {
  const { stream, ...panel } = props;
  const { t } = useTranslation('guide');
  const audio = useSrcObject<HTMLAudioElement>(stream);
  return (
    <>
      <audio ref={audio} autoPlay data-testid="remote-audio" />
      <Suspense fallback={<section className="card tour-live tour-live-message" data-testid="tour-live-loading">{t('panel.loadingViewer')}</section>}>
        <TourLivePanel {...panel} />
      </Suspense>
    </>
  );
}
