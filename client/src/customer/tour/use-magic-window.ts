// The phone as a magic window: once the customer turns it on (iOS asks for permission, and only from
// a tap), the view looks where the phone's back points. A drag while it is on shifts which way is
// "ahead" rather than fighting the sensor.
import { useCallback, useEffect, useEffectEvent, useRef, useState } from 'react';
import { normaliseYaw, type Look } from '../../xr/tour/tour-directions.ts';
import { deviceLook } from './look-input.ts';

type PermissionRequest = () => Promise<'granted' | 'denied'>;
/** With no reading this long after turning on, the device has no orientation sensor to speak of. */
const FIRST_READING_MS = 1500;

export type MagicWindowState = 'off' | 'asking' | 'on' | 'denied' | 'unavailable';

export interface MagicWindow {
  /** Whether to offer it at all: a touch device whose browser has orientation events. */
  offered: boolean;
  state: MagicWindowState;
  /** Call from a tap (iOS only asks for permission from a user gesture). */
  toggle: () => void;
  /** Shifts "ahead" by a yaw, for drags while on. */
  nudge: (yaw: number) => void;
}

export function isMagicWindowOffered(): boolean {
  return typeof window !== 'undefined' && 'DeviceOrientationEvent' in window && window.matchMedia('(pointer: coarse)').matches;
}

export function useMagicWindow(currentYaw: number, onLook: (look: Look) => void): MagicWindow {
  const [state, setState] = useState<MagicWindowState>('off');
  const offset = useRef<number | null>(null);
  const yaw = useRef(currentYaw);
  useEffect(() => {
    yaw.current = currentYaw;
  }, [currentYaw]);
  const look = useEffectEvent(onLook);

  useEffect(() => {
    if (state !== 'on') return;
    offset.current = null;
    let heard = false;
    const timer = window.setTimeout(() => {
      if (!heard) setState('unavailable');
    }, FIRST_READING_MS);
    const listener = (event: DeviceOrientationEvent) => {
      if (event.alpha === null || event.beta === null || event.gamma === null) return;
      heard = true;
      const device = deviceLook(event.alpha, event.beta, event.gamma, screen.orientation?.angle ?? 0);
      // The first reading keeps the customer facing where they were.
      offset.current ??= yaw.current - device.yaw;
      look({ yaw: normaliseYaw(device.yaw + offset.current), pitch: device.pitch });
    };
    window.addEventListener('deviceorientation', listener);
    return () => {
      window.clearTimeout(timer);
      window.removeEventListener('deviceorientation', listener);
    };
  }, [state]);

  const toggle = useCallback(() => {
    if (state === 'on' || state === 'asking') {
      setState('off');
      return;
    }
    const request = (DeviceOrientationEvent as unknown as { requestPermission?: PermissionRequest }).requestPermission;
    if (!request) {
      setState('on');
      return;
    }
    setState('asking');
    request().then(
      (answer) => setState(answer === 'granted' ? 'on' : 'denied'),
      () => setState('denied'),
    );
  }, [state]);

  const nudge = useCallback((delta: number) => {
    if (offset.current !== null) offset.current += delta;
  }, []);

  return { offered: isMagicWindowOffered(), state, toggle, nudge };
}
