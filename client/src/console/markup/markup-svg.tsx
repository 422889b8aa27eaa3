// Draws markup shapes as an SVG over a picture (a photo in the viewer, the live video):
// each line twice, a dark halo under a bright stroke, so it reads on any background.
import type { CSSProperties, ReactNode } from 'react';
import { markupScale, type MarkupScale, type Shape, type ShapeText } from './markup-geometry.ts';

export interface DrawnShape {
  key: string;
  shape: Shape;
  /** Extra classes, e.g. the state of a live item. */
  className?: string;
}

export function MarkupSvg(props: { width: number; height: number; shapes: readonly DrawnShape[]; className: string; testId: string; style?: CSSProperties }) {
  const scale = markupScale(props.width, props.height);
  return (
    <svg className={`marks ${props.className}`} data-testid={props.testId} viewBox={`0 0 ${props.width} ${props.height}`} preserveAspectRatio="xMidYMid meet" style={props.style} aria-hidden="true">
      {props.shapes.map(({ key, shape, className }) => (
        <g key={key} className={`mark mark-${shape.kind}${className ? ` ${className}` : ''}`} data-kind={shape.kind}>
          {draw(shape, scale)}
        </g>
      ))}
    </svg>
  );
}

function twice(scale: MarkupScale, element: (className: string, width: number) => ReactNode): ReactNode {
  return (
    <>
      {element('mark-halo', scale.stroke * 2.2)}
      {element('mark-stroke', scale.stroke)}
    </>
  );
}

function draw(shape: Shape, scale: MarkupScale): ReactNode {
  switch (shape.kind) {
    case 'marker':
      return (
        <>
          <circle className="mark-dot" cx={shape.cx} cy={shape.cy} r={shape.r} strokeWidth={scale.stroke} />
          {text(shape.text, scale)}
        </>
      );
    case 'circle':
      return (
        <>
          {twice(scale, (className, width) => <circle className={className} cx={shape.cx} cy={shape.cy} r={shape.r} strokeWidth={width} />)}
          {text(shape.text, scale)}
        </>
      );
    case 'label':
      return (
        <>
          <circle className="mark-dot" cx={shape.cx} cy={shape.cy} r={shape.r} strokeWidth={scale.stroke / 2} />
          {text(shape.text, scale)}
        </>
      );
    case 'arrow':
      return (
        <>
          {twice(scale, (className, width) => <line className={className} x1={shape.x1} y1={shape.y1} x2={shape.x2} y2={shape.y2} strokeWidth={width} />)}
          <polygon className="mark-head" points={shape.head.map((p) => p.join(',')).join(' ')} strokeWidth={scale.stroke / 2} />
          {text(shape.text, scale)}
        </>
      );
    case 'measurement':
      return (
        <>
          {twice(scale, (className, width) => (
            <path className={className} d={`M${shape.x1} ${shape.y1}L${shape.x2} ${shape.y2}${shape.ticks.map(([a, b]) => `M${a[0]} ${a[1]}L${b[0]} ${b[1]}`).join('')}`} strokeWidth={width} />
          ))}
          {text(shape.text, scale)}
        </>
      );
  }
}

function text(t: ShapeText | null, scale: MarkupScale): ReactNode {
  if (!t) return null;
  return (
    <text className="mark-text" x={t.x} y={t.y} textAnchor={t.anchor} fontSize={scale.font} strokeWidth={scale.font * 0.22}>
      {t.text}
    </text>
  );
}
