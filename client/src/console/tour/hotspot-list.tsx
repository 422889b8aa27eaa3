// The hotspots near where the customer stands, nearest first, each with a button that opens its card
// on the customer's screen (or closes it, if that one is open).
import { Trans, useTranslation } from 'react-i18next';
import type { TourManifest } from '../../../../protocol/tour.ts';
import { formatMoney } from '../../ui/format.ts';
import { visibleHotspots } from '../../xr/tour/hotspot-visibility.ts';
import { viewpointById } from '../../xr/tour/tour-view-state.ts';

export function HotspotList(props: { tour: TourManifest; viewpoint: string; openCard: string | null; live: boolean; onShow: (hotspot: string | null) => void }) {
  const { tour } = props;
  const { t } = useTranslation('guide');
  const eye = viewpointById(tour, props.viewpoint)?.position;
  const near = eye
    ? visibleHotspots(tour.hotspots, eye, null).sort((a, b) => distance(a.position, eye) - distance(b.position, eye))
    : [];
  const open = tour.hotspots.find((h) => h.id === props.openCard);
  return (
    <div className="tour-hotspots">
      <p className="muted small" data-testid="tour-customer-card" data-card={props.openCard ?? ''}>
        {open ? (
          <Trans t={t} i18nKey="hotspots.open" values={{ title: open.title }} components={{ card: <strong /> }} />
        ) : (
          t('hotspots.noneOpen')
        )}
      </p>
      {near.length === 0 ? (
        <p className="muted small">{t('hotspots.nothingNear')}</p>
      ) : (
        <ul className="tour-hotspot-list">
          {near.map((h) => {
            const isOpen = h.id === props.openCard;
            return (
              <li key={h.id}>
                <span className="tour-hotspot-name">
                  {h.title}
                  {h.price && <span className="muted small"> · {formatMoney(h.price.amount, h.price.currency)}</span>}
                </span>
                <button
                  type="button"
                  className="btn btn-small"
                  data-testid="tour-show-card"
                  data-hotspot={h.id}
                  aria-pressed={isOpen}
                  disabled={!props.live}
                  onClick={() => props.onShow(isOpen ? null : h.id)}
                >
                  {isOpen ? t('hotspots.close') : t('hotspots.show')}
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}

const distance = (a: readonly number[], b: readonly number[]) => Math.hypot(a[0]! - b[0]!, a[1]! - b[1]!, a[2]! - b[2]!);
