// The customer's preview tour (loaded on demand, so a damage case's page never downloads three.js):
// reads the tour's description, says clearly which field is wrong if it cannot be shown, then opens
// the viewer in the mode the device can carry.
import { useEffect, useState } from 'react';
import type { JoinView } from '../../../../protocol/http.ts';
import type { TourManifest, TourProblem } from '../../../../protocol/tour.ts';
import { LoadingScreen, MessageScreen } from '../message-screen.tsx';
import type { TourDeepLink } from '../join-token.ts';
import { useTourActivity } from '../use-tour-activity.ts';
import { useMicrophone } from './use-microphone.ts';
import { TourFileError } from '../../xr/tour/fetch-bytes.ts';
import { loadTourManifest, TourAssets } from '../../xr/tour/tour-assets.ts';
import { pickTourMode, readDeviceCapabilities, tourContent, type DeviceCapabilities } from '../../xr/tour/tour-mode.ts';
import { TourViewer } from './tour-viewer.tsx';
import './tour.css';

export type JoinTour = NonNullable<JoinView['tour']>;

type State =
  | { kind: 'loading' }
  | { kind: 'invalid'; problems: TourProblem[] }
  | { kind: 'failed'; message: string }
  | { kind: 'ready'; tour: TourManifest };

export interface TourScreenProps {
  tour: JoinTour;
  /** The join token and case: what the customer is shown is recorded to the case. */
  token: string;
  caseId: string;
  link: TourDeepLink;
}

export default function TourScreen(props: TourScreenProps) {
  const [state, setState] = useState<State>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const [device] = useState(readDeviceCapabilities);
  const url = props.tour.manifestUrl;

  useEffect(() => {
    const controller = new AbortController();
    setState({ kind: 'loading' });
    loadTourManifest(url, controller.signal).then(
      (reading) => setState(reading.ok ? { kind: 'ready', tour: reading.tour } : { kind: 'invalid', problems: reading.problems }),
      (error: unknown) => {
        if (!controller.signal.aborted) setState({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
      },
    );
    return () => controller.abort();
  }, [url, attempt]);

  if (state.kind === 'loading') return <LoadingScreen />;
  if (state.kind === 'invalid') {
    return (
      <MessageScreen testId="tour-invalid" title="This tour cannot be shown" tone="bad">
        <p>The tour’s description has a mistake, so it was not opened. Please tell your agent; they can pass this on:</p>
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
  if (state.kind === 'failed') return <Failure message={state.message} onRetry={() => setAttempt((n) => n + 1)} />;
  return <ReadyTour {...props} tour={state.tour} manifestUrl={url} device={device} onRetry={() => setAttempt((n) => n + 1)} />;
}

function Failure(props: { message: string; onRetry: () => void }) {
  return (
    <MessageScreen testId="tour-failed" title="We could not load the tour" tone="bad">
      <p>{props.message}</p>
      <button type="button" className="btn btn-primary" onClick={props.onRetry}>
        Try again
      </button>
    </MessageScreen>
  );
}

interface ReadyTourProps extends Omit<TourScreenProps, 'tour'> {
  tour: TourManifest;
  manifestUrl: string;
  device: DeviceCapabilities;
  onRetry: () => void;
}

function ReadyTour(props: ReadyTourProps) {
  const [assets, setAssets] = useState<TourAssets | null>(null);
  const activity = useTourActivity(props.token, props.caseId);
  // A self-guided tour joins the call only once the customer asks for a person.
  const [callWanted, setCallWanted] = useState(props.link.selfGuided !== true);
  const mic = useMicrophone(callWanted);
  const [error, setError] = useState<Error | null>(null);
  const { tour, manifestUrl, device } = props;

  useEffect(() => {
    const next = new TourAssets(tour, manifestUrl, device.maxTextureSize || 4096);
    setAssets(next);
    return () => next.dispose();
  }, [tour, manifestUrl, device]);

  if (!device.webgl2) {
    return (
      <MessageScreen testId="tour-unsupported" title="This browser cannot show the tour" tone="bad">
        <p>The tour needs WebGL 2, which this browser does not offer or has turned off. Please open the link in an up-to-date Chrome, Safari, Edge or Firefox.</p>
      </MessageScreen>
    );
  }
  if (error) return <Failure message={error instanceof TourFileError ? error.message : `The tour stopped: ${error.message}`} onRetry={props.onRetry} />;
  if (!assets) return <LoadingScreen />;
  const mode = pickTourMode(tourContent(tour), device);
  return <TourViewer tour={tour} assets={assets} mode={mode} link={props.link} token={props.token} caseId={props.caseId} mic={mic} activity={activity} onError={setError} onAskForPerson={callWanted ? null : () => setCallWanted(true)} />;
}
