// The customer's preview tour (loaded on demand, so a damage case's page never downloads three.js):
// reads the tour's description, says clearly which field is wrong if it cannot be shown, then opens
// the viewer in the mode the device can carry. This part is small and has no three.js: it asks for
// tour.json and the first view's files (first-view.ts) while the viewer's code is still on its way.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { JoinView } from '../../../../protocol/http.ts';
import type { TourManifest, TourProblem } from '../../../../protocol/tour.ts';
import { onDemand } from '../../ui/on-demand.tsx';
import { LoadingScreen, MessageScreen } from '../message-screen.tsx';
import type { TourDeepLink } from '../join-token.ts';
import { firstViewFiles, previewUrlOf } from '../../xr/tour/first-view.ts';
import { TourDownloads } from '../../xr/tour/tour-downloads.ts';
import { loadTourManifest } from '../../xr/tour/tour-manifest.ts';
import { markTour } from '../../xr/tour/tour-marks.ts';
import { pickTourMode, readDeviceCapabilities, tourContent, type DeviceCapabilities } from '../../xr/tour/tour-mode.ts';
import { TourFailure } from './tour-failure.tsx';
import './tour.css';

export type JoinTour = NonNullable<JoinView['tour']>;

const ReadyTour = onDemand(() => import('./ready-tour.tsx'));

type State =
  | { kind: 'loading' }
  | { kind: 'invalid'; problems: TourProblem[] }
  | { kind: 'failed'; message: string }
  | { kind: 'ready'; tour: TourManifest; device: DeviceCapabilities; downloads: TourDownloads };

export interface TourScreenProps {
  tour: JoinTour;
  /** The join token and case: what the customer is shown is recorded to the case. */
  token: string;
  caseId: string;
  link: TourDeepLink;
}

export default function TourScreen(props: TourScreenProps) {
  const { t } = useTranslation('tour');
  const [state, setState] = useState<State>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const url = props.tour.manifestUrl;
  const { link } = props;

  // The viewer's code (three.js) downloads while tour.json and the first view's files do.
  useEffect(() => {
    ReadyTour.preload().catch(() => undefined);
  }, []);

  useEffect(() => {
    const controller = new AbortController();
    let downloads: TourDownloads | null = null;
    setState({ kind: 'loading' });
    const reading = loadTourManifest(url, controller.signal);
    // Read while tour.json is on its way: it makes (and drops) a WebGL context, which takes a while.
    const device = readDeviceCapabilities();
    reading.then(
      (reading) => {
        markTour('manifest');
        if (!reading.ok) {
          setState({ kind: 'invalid', problems: reading.problems });
          return;
        }
        downloads = new TourDownloads();
        if (device.webgl2) startFirstView(downloads, reading.tour, url, device, link);
        setState({ kind: 'ready', tour: reading.tour, device, downloads });
      },
      (error: unknown) => {
        if (!controller.signal.aborted) setState({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
      },
    );
    return () => {
      controller.abort();
      downloads?.dispose();
    };
  }, [url, attempt, link]);

  if (state.kind === 'loading') return <LoadingScreen />;
  if (state.kind === 'invalid') {
    return (
      <MessageScreen testId="tour-invalid" title={t('invalid.title')} tone="bad">
        <p>{t('invalid.body')}</p>
        <ul className="tour-problems" data-testid="tour-problems">
          {state.problems.slice(0, 8).map((p, i) => (
            <li key={i}>
              <code>{p.path}</code>: {p.message}
            </li>
          ))}
        </ul>
      </MessageScreen>
    );
  }
  if (state.kind === 'failed') return <TourFailure message={state.message} onRetry={() => setAttempt((n) => n + 1)} />;
  if (!state.device.webgl2) {
    return (
      <MessageScreen testId="tour-unsupported" title={t('unsupported.title')} tone="bad">
        <p>{t('unsupported.body')}</p>
      </MessageScreen>
    );
  }
  return <ReadyTour fallback={<LoadingScreen />} {...props} tour={state.tour} manifestUrl={url} device={state.device} downloads={state.downloads} onRetry={() => setAttempt((n) => n + 1)} />;
}

/** Asks for the first view's files: the preview first (the first picture), then what replaces it. */
function startFirstView(downloads: TourDownloads, tour: TourManifest, manifestUrl: string, device: DeviceCapabilities, link: TourDeepLink): void {
  const files = firstViewFiles(tour, pickTourMode(tourContent(tour), device), link);
  const urlOf = (file: string) => new URL(file, new URL(manifestUrl, location.href)).href;
  if (files.preview) downloads.start(previewUrlOf(urlOf(files.preview)), `${files.preview} (preview)`);
  if (files.panorama) downloads.start(urlOf(files.panorama), files.panorama);
  if (files.scene) downloads.start(urlOf(files.scene), files.scene);
}
