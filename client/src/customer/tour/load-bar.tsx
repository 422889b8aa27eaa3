// A tour's download progress in bytes, from the tour's assets; hidden when nothing is loading. Until
// the first answer says how large a file is, the bar runs without a figure. Before anything is on
// screen it is a card in the middle; afterwards a thin strip along the top.
import { useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { formatBytes } from '../../ui/format.ts';
import type { TourAssets } from '../../xr/tour/tour-assets.ts';

export function LoadBar(props: { assets: TourAssets; what: 'scene' | 'panorama'; layout: 'card' | 'strip' }) {
  const { t } = useTranslation('tour');
  const progress = useSyncExternalStore(
    (listener) => props.assets.subscribe(listener),
    () => props.assets.progress(),
  );
  if (progress.active === 0) return null;
  const known = progress.total > 0;
  const percent = known ? Math.round(Math.min(1, progress.loaded / progress.total) * 100) : 0;
  const amount = known ? t('load.amount', { loaded: formatBytes(progress.loaded), total: formatBytes(progress.total) }) : '';
  return (
    <div className={`tour-load tour-load-${props.layout}`} data-testid="tour-progress" data-loaded={progress.loaded} data-total={progress.total}>
      <div
        className={`tour-load-bar ${known ? '' : 'is-waiting'}`}
        role="progressbar"
        aria-label={t(`load.${props.what}`)}
        aria-valuemin={0}
        aria-valuemax={100}
        {...(known ? { 'aria-valuenow': percent, 'aria-valuetext': amount } : {})}
      >
        <span className="tour-load-fill" style={{ width: `${known ? percent : 30}%` }} />
      </div>
      <span className="tour-load-text">
        {t(`load.${props.what}Text`)}{known && ` ${amount}`}
      </span>
    </div>
  );
}
