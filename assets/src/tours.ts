// Every tour the generator makes, by id; each is built only when asked for.
import { HOTEL_STANDARD } from './hotel/hotel-standard.ts';
import { HOTEL_SUITE } from './hotel/hotel-suite.ts';
import { hotelBuild } from './hotel/hotel-build.ts';
import { cabinBuild } from './cabin/cabin-tour.ts';
import type { TourBuild } from './tour/tour-build.ts';

export const TOURS: Record<string, () => TourBuild> = {
  'hotel-standard': () => hotelBuild(HOTEL_STANDARD),
  'hotel-suite': () => hotelBuild(HOTEL_SUITE),
  'cabin-a321': () => cabinBuild(new URL('./cabin/a321neo.layout.json', import.meta.url)),
};
