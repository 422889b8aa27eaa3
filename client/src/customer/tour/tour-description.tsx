// The tour's view in words, for people who cannot see it: two visually hidden live regions beside the
// (aria-hidden) picture. One says where the customer stands, what they face and what is in view once
// the view has stopped moving; the other what the agent does (points, brings them somewhere, opens a card).
import { useEffect, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { TourManifest } from '../../../../protocol/tour.ts';
import { describeView } from '../../xr/tour/view-description.ts';
import type { TourView } from '../../xr/tour/tour-view-state.ts';

/** The view is described once it has stood still this long: a drag or a held arrow key says nothing on the way. */
export const DESCRIBE_AFTER_MS = 800;

/** "A, B and C" in the page's language. */
export function listOf(items: readonly string[], language: string): string {
  try {
    return new Intl.ListFormat(language, { type: 'conjunction' }).format(items);
  } catch {
    return items.join(', ');
  }
}

export function TourDescription(props: { tour: TourManifest; view: TourView; stage: RefObject<HTMLElement | null>; shown: boolean; news: string }) {
  const { t, i18n } = useTranslation('tour');
  const [text, setText] = useState('');
  const { tour, stage, shown } = props;
  const { viewpoint, yaw, pitch, zoom } = props.view;
  const language = i18n.language;

  useEffect(() => {
    if (!shown) return;
    const timer = window.setTimeout(() => {
      const box = stage.current?.getBoundingClientRect();
      const aspect = box && box.height > 0 ? box.width / box.height : 1;
      const seen = describeView(tour, { viewpoint, yaw, pitch, zoom }, aspect);
      if (!seen) return;
      const standing = seen.facing ? t('describe.standingFacing', { place: seen.place, thing: seen.facing }) : t('describe.standing', { place: seen.place });
      const inView = seen.inView.length > 0 ? t('describe.inView', { list: listOf(seen.inView, language) }) : t('describe.nothingInView');
      const ways = seen.ways.length > 0 ? t('describe.ways', { list: listOf(seen.ways, language) }) : '';
      setText(t('describe.full', { standing, inView, ways }).trim());
    }, DESCRIBE_AFTER_MS);
    return () => window.clearTimeout(timer);
  }, [tour, stage, shown, viewpoint, yaw, pitch, zoom, t, language]);

  return (
    <>
      <p className="visually-hidden" role="status" aria-live="polite" aria-atomic="true" data-testid="tour-description">
        {text}
      </p>
      <p className="visually-hidden" aria-live="polite" aria-atomic="true" data-testid="tour-agent-news">
        {props.news}
      </p>
    </>
  );
}
