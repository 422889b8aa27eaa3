// A photo's when/where check in the console (issue 15): each flag in words with an icon (never colour
// alone) — "Clock 10 min off", "52 km from the case address", "Gallery upload — not live" — and a
// gallery file's EXIF time and place. In English the same words as the PDF report (capture-words.ts).
import { useTranslation } from 'react-i18next';
import type { CaptureFlag } from '../../../../protocol/capture.ts';
import type { EvidenceView } from '../../../../protocol/http.ts';
import { distanceText, exifText, flagText } from './capture-words.ts';
import './capture-flags.css';

/** 16-px line icons: a clock, a map pin, a picture from the gallery, a camera for EXIF, a tick, a warning. */
const ICON_PATHS: Record<CaptureFlag | 'exif' | 'ok' | 'warn', string> = {
  'clock-off': 'M8 1.5a6.5 6.5 0 1 0 0 13 6.5 6.5 0 0 0 0-13zM8 4v4l2.5 2',
  'far-from-address': 'M8 15s5-4.6 5-8.5A5 5 0 0 0 3 6.5C3 10.4 8 15 8 15zM8 8.5a2 2 0 1 0 0-4 2 2 0 0 0 0 4z',
  'not-live': 'M2 3.5h12v9H2zM2 10.5l3.5-3.5 3 3 2-2 3.5 3.5M10.5 6.5a1 1 0 1 0 0-.01',
  exif: 'M2 5h3l1.5-2h3L11 5h3v8H2zM8 11a2.5 2.5 0 1 0 0-5 2.5 2.5 0 0 0 0 5z',
  ok: 'M3 8.5l3 3 7-7',
  warn: 'M8 2l6.5 11.5h-13zM8 6.5v3M8 11.5v.01',
};

export function CaptureIcon(props: { kind: keyof typeof ICON_PATHS }) {
  return (
    <svg className="capture-icon" viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" focusable="false">
      <path d={ICON_PATHS[props.kind]} fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}

/** The flags of one photo and its EXIF line; nothing when there is neither. `full`: also say a clean check. */
export function CaptureFlags(props: { evidence: EvidenceView; full?: boolean }) {
  const { t } = useTranslation('casework');
  const { capture, exif } = props.evidence;
  const exifLine = exifText(exif);
  const flags = capture?.flags ?? [];
  if (flags.length === 0 && !exifLine && !(props.full && capture)) return null;
  return (
    <ul className={`capture-flags${props.full ? ' capture-flags-full' : ''}`} data-testid="capture-flags" data-flags={flags.join(' ')}>
      {capture && flags.map((flag) => (
        <li key={flag} className="capture-flag" data-testid="capture-flag" data-flag={flag}>
          <CaptureIcon kind={flag} />
          <span>{flagText(flag, capture, props.evidence.source)}</span>
        </li>
      ))}
      {props.full && capture && flags.length === 0 && (
        <li className="capture-ok" data-testid="capture-ok">
          <CaptureIcon kind="ok" />
          <span>{t(capture.distanceM !== null ? 'flags.okWithPlace' : 'flags.ok')}</span>
        </li>
      )}
      {props.full && capture && capture.distanceM !== null && !flags.includes('far-from-address') && (
        <li className="capture-note" data-testid="capture-distance">
          <CaptureIcon kind="far-from-address" />
          <span>{t('flags.distance', { distance: distanceText(capture.distanceM) })}</span>
        </li>
      )}
      {exifLine && (
        <li className="capture-note" data-testid="capture-exif">
          <CaptureIcon kind="exif" />
          <span>{exifLine}</span>
        </li>
      )}
    </ul>
  );
}
