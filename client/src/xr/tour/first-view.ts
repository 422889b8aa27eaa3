// The first view's files, known from tour.json alone: a panorama's small preview (the first picture
// in either mode, see docs/TOURS.md), then the full panorama or the 3D scene that replaces it. Also
// where a panorama's preview is served. No three.js: the page asks for these while the viewer's code
// is still downloading.
import type { TourManifest } from '../../../../protocol/tour.ts';
import { hasThreeD, shownMode, type TourMode } from './tour-mode.ts';
import { initialView, viewpointById } from './tour-view-state.ts';

/** The server's 1024×512 copy of a panorama (server/src/tours/panorama-preview.ts). */
export function previewUrlOf(panoramaUrl: string): string {
  return `${panoramaUrl}?preview`;
}

export interface FirstViewFiles {
  /** The viewpoint's panorama, whose preview is shown first (null: the viewpoint has none). */
  preview: string | null;
  /** The full panorama, in panorama mode. */
  panorama: string | null;
  /** The glTF scene, in 3D. */
  scene: string | null;
}

export function firstViewFiles(tour: TourManifest, mode: TourMode, link: { node?: string; yaw?: number } = {}): FirstViewFiles {
  const viewpoint = viewpointById(tour, initialView(tour, mode, link).viewpoint) ?? tour.viewpoints[0]!;
  const shown = shownMode(mode, viewpoint, hasThreeD(tour));
  return {
    preview: viewpoint.panorama ?? null,
    panorama: shown === 'panorama' ? (viewpoint.panorama ?? null) : null,
    scene: shown === '3d' ? (tour.scene ?? null) : null,
  };
}
