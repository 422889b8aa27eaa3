// The assessor's annotations over the plain camera preview, where there is no room tracking: each
// stands at the point of the picture it was placed on. The SVG uses the video's own pixel size with
// `slice`, so it crops exactly as the preview's `object-fit: cover` does.
import { useTranslation } from 'react-i18next';
import type { PlacedAnnotation } from './spatial-host.ts';

const COLOR = '#ff5a1f';

export function FlatAnnotations(props: { annotations: readonly PlacedAnnotation[]; width: number; height: number }) {
  const { t } = useTranslation('capture');
  if (props.annotations.length === 0 || props.width === 0) return null;
  const r = Math.max(props.width, props.height) * 0.025;
  return (
    <svg className="flat-annotations" viewBox={`0 0 ${props.width} ${props.height}`} preserveAspectRatio="xMidYMid slice" data-testid="flat-annotations" aria-hidden="true">
      {props.annotations.map((a) => {
        const x = a.screen.u * props.width;
        const y = a.screen.v * props.height;
        return (
          <g key={a.id} data-testid="flat-annotation" data-id={a.id} data-kind={a.kind}>
            {a.kind === 'circle' && <circle cx={x} cy={y} r={r * 2.5} fill="none" stroke={COLOR} strokeWidth={r / 3} />}
            {a.kind === 'marker' && <circle cx={x} cy={y} r={r} fill={COLOR} stroke="#fff" strokeWidth={r / 4} />}
            {a.kind === 'arrow' && <path d={`M ${x} ${y} l ${-r * 3} ${-r * 3} m 0 ${r * 1.6} v ${-r * 1.6} h ${r * 1.6}`} transform={`rotate(180 ${x} ${y})`} stroke={COLOR} strokeWidth={r / 2.5} fill="none" strokeLinecap="round" />}
            {a.kind === 'label' && <circle cx={x} cy={y} r={r / 2} fill={COLOR} />}
            {(a.label ?? (a.kind === 'label' ? t('annotationLabel') : null)) && (
              <text x={x + r * 1.4} y={y - r * 1.4} fill="#fff" stroke="#000" strokeWidth={r / 6} paintOrder="stroke" fontSize={r * 1.6} fontWeight="700">
                {a.label ?? t('annotationLabel')}
              </text>
            )}
          </g>
        );
      })}
    </svg>
  );
}
