import { describe, expect, it } from 'vitest';
import { placementErrorText, toolBlocked, toolsNote, type MarkupContext } from './markup-tools.ts';

const live = (extra: Partial<MarkupContext> = {}): MarkupContext => ({ offline: null, picture: true, mode: 'ar', available: ['ar', 'overlay', 'camera', 'voice', 'text'], ...extra });

describe('markup tools', () => {
  it('allows every tool in AR', () => {
    for (const tool of ['pointer', 'marker', 'arrow', 'circle', 'label', 'measure'] as const) expect(toolBlocked(tool, live())).toBeNull();
    expect(toolsNote(live())).toBeNull();
  });

  it('blocks everything but the pointer without a call', () => {
    const offline = live({ offline: 'Connect to the customer to annotate the live picture and measure.' });
    expect(toolBlocked('pointer', offline)).toBeNull();
    expect(toolBlocked('marker', offline)).toMatch(/Connect/);
    expect(toolBlocked('measure', offline)).toMatch(/Connect/);
    expect(toolsNote(offline)).toMatch(/Connect/);
  });

  it('keeps flat annotations but no measuring in 3D-overlay and camera mode', () => {
    for (const mode of ['overlay', 'camera'] as const) {
      expect(toolBlocked('marker', live({ mode }))).toBeNull();
      expect(toolBlocked('label', live({ mode }))).toBeNull();
      expect(toolBlocked('measure', live({ mode }))).toMatch(/ask them to switch/);
      expect(toolsNote(live({ mode }))).toMatch(/flat/);
    }
  });

  it('says when the device has no AR at all, or has not reported its mode', () => {
    expect(toolBlocked('measure', live({ mode: 'camera', available: ['camera', 'voice', 'text'] }))).toMatch(/does not offer/);
    expect(toolBlocked('measure', live({ mode: null, available: [] }))).toMatch(/not said/);
    expect(toolBlocked('marker', live({ mode: null, available: [] }))).toBeNull();
  });

  it('blocks pointing without a picture', () => {
    expect(toolBlocked('marker', live({ mode: 'voice' }))).toMatch(/voice only mode/);
    expect(toolBlocked('arrow', live({ mode: 'text' }))).toMatch(/text chat mode/);
    expect(toolBlocked('circle', live({ picture: false }))).toMatch(/camera is off/);
  });

  it('words a missed hit-test plainly and passes other device errors on', () => {
    expect(placementErrorText(undefined)).toBe('No surface found there — try a point on the floor, a wall or a table.');
    expect(placementErrorText('No surface found there. Try a point on the floor, a wall or a table.')).toMatch(/^No surface found there — /);
    expect(placementErrorText('The AR session ended')).toBe('The customer’s device could not place it: The AR session ended');
    expect(placementErrorText('Measuring needs the AR view.', 'measure there')).toBe('The customer’s device could not measure there: Measuring needs the AR view.');
  });
});
