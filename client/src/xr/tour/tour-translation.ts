// A tour in the page's language: the titles and texts of its `translations` for that language (or one
// of the same language: zh → zh-CN) over the tour's own words; ids, positions and files unchanged, so
// what is synced and recorded is the same in every language. Pure.
import type { TourManifest } from '../../../../protocol/tour.ts';
import { matchLanguage } from '../../i18n/languages.ts';

export function localizeTour(tour: TourManifest, language: string): TourManifest {
  const key = matchLanguage(language, Object.keys(tour.translations));
  const words = key ? tour.translations[key] : undefined;
  if (!words) return tour;
  const per = (price: { per?: string | undefined }) => (price.per && words.per[price.per] ? { per: words.per[price.per] } : {});
  return {
    ...tour,
    title: words.title ?? tour.title,
    description: words.description ?? tour.description,
    viewpoints: tour.viewpoints.map((v) => ({ ...v, title: words.viewpoints[v.id]?.title ?? v.title })),
    hotspots: tour.hotspots.map((h) => ({
      ...h,
      title: words.hotspots[h.id]?.title ?? h.title,
      text: words.hotspots[h.id]?.text ?? h.text,
      ...(h.price ? { price: { ...h.price, ...per(h.price) } } : {}),
    })),
    bookables: tour.bookables.map((b) => ({
      ...b,
      title: words.bookables[b.id]?.title ?? b.title,
      text: words.bookables[b.id]?.text ?? b.text,
      price: { ...b.price, ...per(b.price) },
    })),
    ...(tour.plan
      ? { plan: { ...tour.plan, shapes: tour.plan.shapes.map((s) => (s.label && words.planLabels[s.label] ? { ...s, label: words.planLabels[s.label] } : s)) } }
      : {}),
  };
}
