// A hotel room tour described as data: its plan, the furniture where it stands (some of it points of
// interest with a card), the view outside, the light, where a guest can stand and what can be booked.
import type { Light, Sky } from '../bake/lights.ts';
import type { Vec3 } from '../scene/geometry.ts';
import type { Bookable, Price } from '../../../protocol/tour.ts';
import type { Furniture } from './furniture/furniture.ts';
import type { RoomPlan } from './room-plan.ts';

export interface HotspotSpec {
  id: string;
  title: string;
  text: string;
  /** Where the marker floats. */
  anchor: Vec3;
  price?: Price;
  option?: string;
}

export interface PlacedItem {
  /** Node name when it is not a point of interest. */
  name: string;
  /** Shown on the floor plan. */
  label?: string;
  furniture: Furniture;
  hotspot?: HotspotSpec;
}

export interface ViewpointSpec {
  id: string;
  title: string;
  position: Vec3;
  yaw: number;
  pitch?: number;
  /** Render a panorama here. */
  panorama?: boolean;
}

export interface WindowView {
  material: 'city-view' | 'sea-view';
  /** The backdrop's centre (x, z) and the way it faces into the room (yaw of its normal). */
  centre: readonly [number, number];
  yaw: number;
  width: number;
  height: number;
  /** Height of the picture's horizon (it sits at VIEW_HORIZON from the top). */
  horizon: number;
}

export interface HotelDesign {
  id: string;
  title: string;
  description: string;
  plan: RoomPlan;
  ceiling: number;
  items: PlacedItem[];
  /** Hotspots that are a part of the room itself (the window), by opening index. */
  openingHotspots?: { opening: number; hotspot: HotspotSpec }[];
  views: WindowView[];
  lights: Light[];
  sky: Sky;
  exposure: number;
  start: string;
  viewpoints: ViewpointSpec[];
  /** Pairs of viewpoints one can walk between, both ways. */
  links: [string, string][];
  bookables: Bookable[];
}
