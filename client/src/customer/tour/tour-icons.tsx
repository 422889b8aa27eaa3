// The tour controls' icons: small inline SVGs drawn with the current text colour.
const PATHS = {
  plan: 'M3 4h7v7H3zM14 4h7v4h-7zM14 11h7v9h-7zM3 14h7v6H3z',
  seats: 'M6 3h5v8H6zM13 3h5v8h-5zM6 13h5v8H6zM13 13h5v8h-5z',
  cube: 'M12 2 3 7v10l9 5 9-5V7zm0 2.3 6.6 3.7L12 11.7 5.4 8zM5 9.7l6 3.4v6.6l-6-3.4zm8 10V13.1l6-3.4v6.6z',
  sphere: 'M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20zm0 2c1.2 0 2.6 2.6 3 7H9c.4-4.4 1.8-7 3-7zm-3 9h6c-.4 4.4-1.8 7-3 7s-2.6-2.6-3-7zm-1.9-2H4.1a8 8 0 0 1 4.3-6.1C7.7 6.3 7.3 8.5 7.1 11zm0 2c.2 2.5.6 4.7 1.3 6.1A8 8 0 0 1 4.1 13zm9.8 0h3a8 8 0 0 1-4.3 6.1c.7-1.4 1.1-3.6 1.3-6.1zm0-2c-.2-2.5-.6-4.7-1.3-6.1a8 8 0 0 1 4.3 6.1z',
  motion: 'M8 2h8a2 2 0 0 1 2 2v16a2 2 0 0 1-2 2H8a2 2 0 0 1-2-2V4a2 2 0 0 1 2-2zm0 3v13h8V5zM2 9l2-1v8l-2-1zm20 0-2-1v8l2-1z',
  vr: 'M3 7h18a1 1 0 0 1 1 1v8a1 1 0 0 1-1 1h-5l-2-3h-4l-2 3H3a1 1 0 0 1-1-1V8a1 1 0 0 1 1-1zm4 3a2 2 0 1 0 0 4 2 2 0 0 0 0-4zm10 0a2 2 0 1 0 0 4 2 2 0 0 0 0-4z',
  mic: 'M12 2a3 3 0 0 1 3 3v6a3 3 0 0 1-6 0V5a3 3 0 0 1 3-3zm-7 9h2a5 5 0 0 0 10 0h2a7 7 0 0 1-6 6.9V21h-2v-3.1A7 7 0 0 1 5 11z',
  micOff: 'M3.3 2 22 20.7 20.7 22l-4.5-4.5a7 7 0 0 1-3.2 1.4V21h-2v-3.1A7 7 0 0 1 5 11h2a5 5 0 0 0 7.7 4.2l-1.5-1.5A3 3 0 0 1 9 11v-.6L2 3.3zM12 2a3 3 0 0 1 3 3v5.2L9.1 4.3A3 3 0 0 1 12 2zm5 9h2a7 7 0 0 1-.9 3.4l-1.5-1.5c.3-.6.4-1.2.4-1.9z',
  guide: 'M12 2a4 4 0 1 1 0 8 4 4 0 0 1 0-8zm-7 18c0-3.9 3.1-7 7-7s7 3.1 7 7v2H5z',
  ruler: 'M2 16.6 16.6 2 22 7.4 7.4 22zm2.8 0 2.6 2.6L19.2 7.4l-2.6-2.6-1.4 1.4 1.8 1.8-1.1 1.1-1.8-1.8-1.4 1.4 1.1 1.1-1.1 1.1-1.1-1.1-1.4 1.4 1.8 1.8-1.1 1.1-1.8-1.8-1.4 1.4 1.1 1.1-1.1 1.1-1.1-1.1z',
  close: 'M6.4 5 12 10.6 17.6 5 19 6.4 13.4 12l5.6 5.6-1.4 1.4L12 13.4 6.4 19 5 17.6 10.6 12 5 6.4z',
} as const;

export type IconName = keyof typeof PATHS;

export function Icon(props: { name: IconName }) {
  return (
    <svg className="tour-icon" viewBox="0 0 24 24" width="22" height="22" aria-hidden="true" focusable="false">
      <path d={PATHS[props.name]} fill="currentColor" fillRule="evenodd" />
    </svg>
  );
}
