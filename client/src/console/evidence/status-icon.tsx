// Small line icons that go with a status word in a badge (accepted, rejected, blurry, superseded), so a
// status is told by its word and its shape, never by the badge's colour alone (WCAG 1.4.1).
import './status-icon.css';

const PATHS = {
  accepted: 'M3 8.5l3 3 7-7',
  rejected: 'M4 4l8 8M12 4l-8 8',
  blurry: 'M2 5.5c2-1.5 4 1.5 6 0s4-1.5 6 0M2 10.5c2-1.5 4 1.5 6 0s4-1.5 6 0',
  superseded: 'M3 5h8l-2.5-2.5M13 11H5l2.5 2.5',
} as const;

export type StatusIconKind = keyof typeof PATHS;

/** Decorative: the word beside it is the accessible text. */
export function StatusIcon(props: { kind: StatusIconKind }) {
  return (
    <svg className="status-icon" viewBox="0 0 16 16" width="12" height="12" aria-hidden="true" focusable="false" data-icon={props.kind}>
      <path d={PATHS[props.kind]} fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}
