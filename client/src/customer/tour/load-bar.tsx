// A tour's download progress in bytes, from the tour's assets; hidden when nothing is loading.
import { useSyncExternalStore } from 'react';
import { formatBytes } from '../../ui/format.ts';
import type { TourAssets } from '../../xr/tour/tour-assets.ts';

export function LoadBar(props: { assets: TourAssets; what: string }) {
  const progress = useSyncExternalStore(
    (listener) => props.assets.subscribe(listener),
    () => props.assets.progress(),
  );
  if (progress.active === 0) return null;
  const fraction = progress.total > 0 ? Math.min(1, progress.loaded / progress.total) : 0;
  const percent = Math.round(fraction * 100);
  return (
    <div className="tour-load" data-testid="tour-progress" data-loaded={progress.loaded} data-total={progress.total}>
      <div
        className="tour-load-bar"
        role="progressbar"
        aria-label={`Loading ${props.what}`}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={`${formatBytes(progress.loaded)} of ${formatBytes(progress.total)}`}
      >
        <span className="tour-load-fill" style={{ width: `${percent}%` }} />
      </div>
      <span className="tour-load-text">
        Loading {props.what}… {formatBytes(progress.loaded)} of {formatBytes(progress.total)}
      </span>
    </div>
  );
}
