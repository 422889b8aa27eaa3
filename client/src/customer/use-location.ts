// The device's position, watched only while the customer allowed location with photos.
import { useEffect, useRef } from 'react';
import type { Location } from '../../../protocol/http.ts';

/** Returns a ref holding the latest position (null until known, or when not allowed). */
export function useLocation(allowed: boolean) {
  const latest = useRef<Location | null>(null);
  useEffect(() => {
    latest.current = null;
    if (!allowed || !navigator.geolocation) return;
    const id = navigator.geolocation.watchPosition(
      (position) => {
        const { latitude, longitude, accuracy } = position.coords;
        latest.current = { latitude, longitude, accuracy };
      },
      (error) => console.warn('Location unavailable', error.message),
      { enableHighAccuracy: true, maximumAge: 30_000, timeout: 20_000 },
    );
    return () => navigator.geolocation.clearWatch(id);
  }, [allowed]);
  return latest;
}
