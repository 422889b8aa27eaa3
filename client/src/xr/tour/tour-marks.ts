// Performance marks on the way from the join link to the first tour frame (chunk loaded, manifest
// read, files arrived, decoded), read by bench/tour-join.ts and visible in any browser's profiler.

export type TourMark =
  | 'viewer-code'
  | 'manifest'
  | 'preview-bytes'
  | 'preview-decoded'
  | 'panorama-bytes'
  | 'panorama-decoded'
  | 'scene-bytes'
  | 'scene-parsed';

/** Marks `tour:<name>` once per page: the first time is the one on the way to the first frame. */
export function markTour(name: TourMark): void {
  const mark = `tour:${name}`;
  if (typeof performance === 'undefined' || performance.getEntriesByName(mark, 'mark').length > 0) return;
  performance.mark(mark);
}
