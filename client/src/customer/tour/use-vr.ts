// A headset's immersive VR, where the browser offers it (navigator.xr says 'immersive-vr' is
// supported): the store is made only then, and entering is the customer's tap.
import { createXRStore, type XRStore, type XRStoreOptions } from '@react-three/xr';
import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import { i18next } from '../../i18n/i18n.ts';

export interface Vr {
  /** null where this browser has no immersive VR. */
  store: XRStore | null;
  presenting: boolean;
  enter: () => void;
  exit: () => void;
}

/** The headset session's options; `origin` is the page's, where the controller layout is served. */
export function tourXrOptions(origin: string) {
  return {
    // Never the emulator in this build; tests install an emulated headset themselves.
    emulate: false,
    offerSession: false,
    enterGrantedSession: false,
    // Asked for as optional: where granted, a panorama is an equirect layer (panorama-layer.ts).
    layers: true,
    // The library's controllers and hands need models from @webxr-input-profiles, by default from a CDN:
    // the tour draws its own rays. The store still reads a layout for every controller (for its gamepad
    // state), whatever `controller` says, and no option turns that off: client/public/xr-profiles/
    // holds the one layout it needs (generic-trigger, which every controller falls back to), no models.
    controller: false,
    hand: false,
    baseAssetPath: `${origin}/xr-profiles/`,
    defaultControllerProfileId: 'generic-trigger',
    gaze: false,
    transientPointer: false,
    screenInput: false,
  } satisfies XRStoreOptions;
}

const noStore = () => () => {};

export function useVr(onError: (message: string) => void): Vr {
  const [store, setStore] = useState<XRStore | null>(null);
  useEffect(() => {
    let current = true;
    let made: XRStore | null = null;
    navigator.xr?.isSessionSupported('immersive-vr').then(
      (supported) => {
        if (!current || !supported) return;
        made = createXRStore(tourXrOptions(location.origin));
        setStore(made);
      },
      () => undefined,
    );
    return () => {
      current = false;
      void made?.getState().session?.end().catch(() => undefined);
      made?.destroy();
    };
  }, []);
  const presenting = useSyncExternalStore(store ? store.subscribe : noStore, () => store?.getState().session != null);
  const enter = useCallback(() => {
    store?.enterVR().catch((error: unknown) => onError(i18next.t('tour:viewer.vrFailed', { reason: error instanceof Error ? error.message : String(error) })));
  }, [store, onError]);
  const exit = useCallback(() => {
    void store?.getState().session?.end().catch(() => undefined);
  }, [store]);
  return { store, presenting, enter, exit };
}
