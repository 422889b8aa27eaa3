// Markup over the live video: the light SVG of what the assessor placed (at the clicked points, while
// the stream catches up), and, with a tool in hand, the click layer that turns a click into a picture point.
import { useEffect, useState, type MouseEvent, type RefObject } from 'react';
import type { ScreenPoint } from '../../../../protocol/spatial.ts';
import type { LiveMark } from './markup-items.ts';
import type { Tool } from './markup-tools.ts';
import { markupScale, itemShape } from './markup-geometry.ts';
import { MarkupSvg } from './markup-svg.tsx';
import { clickToScreenPoint, containedBox } from '../call/video-geometry.ts';

interface Size {
  width: number;
  height: number;
  videoWidth: number;
  videoHeight: number;
}

/** The element's size and the picture's, kept current through resizes of either. */
function useVideoSize(videoRef: RefObject<HTMLVideoElement | null>): Size | null {
  const [size, setSize] = useState<Size | null>(null);
  useEffect(() => {
    const video = videoRef.current;
    if (!video) return;
    const measure = (): void => setSize({ width: video.clientWidth, height: video.clientHeight, videoWidth: video.videoWidth, videoHeight: video.videoHeight });
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(video);
    video.addEventListener('loadedmetadata', measure);
    video.addEventListener('resize', measure);
    video.addEventListener('emptied', measure);
    return () => {
      observer.disconnect();
      video.removeEventListener('loadedmetadata', measure);
      video.removeEventListener('resize', measure);
      video.removeEventListener('emptied', measure);
    };
  }, [videoRef]);
  return size;
}

export function VideoMarkup(props: { videoRef: RefObject<HTMLVideoElement | null>; marks: readonly LiveMark[]; tool: Tool; onPick: (screen: ScreenPoint) => void; onMiss: () => void }) {
  const size = useVideoSize(props.videoRef);
  const content = size && containedBox({ left: 0, top: 0, width: size.width, height: size.height }, size.videoWidth, size.videoHeight);

  const click = (event: MouseEvent<HTMLDivElement>): void => {
    const video = props.videoRef.current;
    if (!video) return;
    const rect = video.getBoundingClientRect();
    const point = clickToScreenPoint({ x: event.clientX, y: event.clientY }, rect, video.videoWidth, video.videoHeight);
    if (point) props.onPick(point);
    else props.onMiss();
  };

  const scale = content ? markupScale(content.width, content.height) : null;
  return (
    <>
      {content && scale && props.marks.length > 0 && (
        <MarkupSvg
          className="video-markup"
          testId="video-overlay"
          width={content.width}
          height={content.height}
          style={{ left: content.left, top: content.top, width: content.width, height: content.height }}
          shapes={props.marks.map(({ key, item, state }) => ({ key, shape: itemShape(item, content.width, content.height, scale, item.label), className: `mark-${state}` }))}
        />
      )}
      {props.tool !== 'pointer' && <div className={`video-click-layer tool-cursor-${props.tool}`} data-testid="video-click-layer" data-tool={props.tool} onClick={click} />}
    </>
  );
}
