// A component whose code is downloaded when it is first drawn, and drawn the moment it arrives.
// React's lazy() inside <Suspense> holds content back until 300 ms after its fallback first showed
// (React 19 throttles reveals so that nested boundaries appear together): on a tour join that was up
// to 0.3 s per boundary, twice, between the code arriving and the first view. Here the arrival is a
// plain state update, drawn at once. A failed download is thrown while rendering, as lazy() does, and
// is tried again by the next component that mounts.
import { useEffect, useState, type ComponentType, type ReactNode } from 'react';

export interface OnDemand<P> {
  (props: P & { fallback: ReactNode }): ReactNode;
  /** Starts the download now (e.g. while other files load); resolves once the code has run. */
  preload(): Promise<void>;
}

export function onDemand<P extends object>(load: () => Promise<{ default: ComponentType<P> }>): OnDemand<P> {
  let loaded: ComponentType<P> | null = null;
  let pending: Promise<void> | null = null;
  const preload = (): Promise<void> =>
    (pending ??= load().then(
      (module) => {
        loaded = module.default;
      },
      (error: unknown) => {
        pending = null;
        throw error;
      },
    ));

  function Loaded({ fallback, ...props }: P & { fallback: ReactNode }): ReactNode {
    const [failure, setFailure] = useState<{ error: unknown } | null>(null);
    const [, setArrived] = useState(loaded !== null);
    useEffect(() => {
      // Even when the code is here already: it may have arrived between the render (which drew the
      // fallback) and this effect, which runs after the paint; drawing it again is then what shows it.
      let live = true;
      preload().then(
        () => live && setArrived(true),
        (error: unknown) => live && setFailure({ error }),
      );
      return () => {
        live = false;
      };
    }, []);
    if (failure) throw failure.error;
    if (!loaded) return fallback;
    const Component = loaded;
    return <Component {...(props as P)} />;
  }
  return Object.assign(Loaded, { preload });
}
