// The console's live tour panel, loaded on demand (so a damage case never downloads three.js): reads
// the case's tour, says which field is wrong if it cannot be shown, then opens the live view.
import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TourManifest, TourProblem } from '../../../../protocol/tour.ts';
import { TourAssets } from '../../xr/tour/tour-assets.ts';
import { loadTourManifest } from '../../xr/tour/tour-manifest.ts';
import { readDeviceCapabilities } from '../../xr/tour/tour-mode.ts';
import { localizeTour } from '../../xr/tour/tour-translation.ts';
import { TourLive, type TourLiveProps } from './tour-live.tsx';
import './tour-live.css';

type State = { kind: 'loading' } | { kind: 'invalid'; problems: TourProblem[] } | { kind: 'failed'; message: string } | { kind: 'ready'; tour: TourManifest; assets: TourAssets };

export interface TourLivePanelProps extends Omit<TourLiveProps, 'tour' | 'assets' | 'onError'> {
  tourId: string;
}

export default function TourLivePanel(props: TourLivePanelProps) {
  const { t, i18n } = useTranslation('guide');
  const [state, setState] = useState<State>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const url = `/tours/${encodeURIComponent(props.tourId)}/tour.json`;
  const onError = useCallback((error: Error) => setState({ kind: 'failed', message: error.message }), []);

  useEffect(() => {
    const controller = new AbortController();
    let assets: TourAssets | null = null;
    setState({ kind: 'loading' });
    loadTourManifest(url, controller.signal).then(
      (reading) => {
        if (controller.signal.aborted) return;
        if (!reading.ok) return setState({ kind: 'invalid', problems: reading.problems });
        assets = new TourAssets(reading.tour, url, readDeviceCapabilities().maxTextureSize || 4096);
        setState({ kind: 'ready', tour: reading.tour, assets });
      },
      (error: unknown) => {
        if (!controller.signal.aborted) setState({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
      },
    );
    return () => {
      controller.abort();
      assets?.dispose();
    };
  }, [url, attempt]);
  // The tour's own words (viewpoints, hotspots, options, plan labels) in the console's language where the
  // tour has them, as the customer's page shows them; ids and files unchanged, so nothing synced differs.
  const tour = useMemo(() => (state.kind === 'ready' ? localizeTour(state.tour, i18n.language) : null), [state, i18n.language]);

  if (state.kind === 'loading') return <PanelMessage>{t('panel.loading')}</PanelMessage>;
  if (state.kind === 'invalid') {
    return (
      <PanelMessage testId="tour-live-invalid">
        {t('panel.invalid', { tour: props.tourId })}
        <ul className="tour-problems">
          {state.problems.slice(0, 8).map((p, i) => (
            <li key={i}>
              <code>{p.path}</code>: {p.message}
            </li>
          ))}
        </ul>
      </PanelMessage>
    );
  }
  if (state.kind === 'failed') {
    return (
      <PanelMessage testId="tour-live-failed">
        {t('panel.failed', { error: state.message })}{' '}
        <button type="button" className="btn btn-small" onClick={() => setAttempt((n) => n + 1)}>
          {t('panel.tryAgain')}
        </button>
      </PanelMessage>
    );
  }
  const { tourId: _tourId, ...live } = props;
  return <TourLive {...live} tour={tour ?? state.tour} assets={state.assets} onError={onError} />;
}

function PanelMessage(props: { testId?: string; children: ReactNode }) {
  return (
    <section className="card tour-live tour-live-message" data-testid={props.testId ?? 'tour-live-loading'}>
      {props.children}
    </section>
  );
}
