// The viewer's side of the customer's tour, in its own chunk with three.js: the tour's files as
// textures and scenes (TourAssets, taking over the downloads the page started), the guided call's
// microphone, and the viewer in the mode the device can carry.
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TourManifest } from '../../../../protocol/tour.ts';
import { LoadingScreen } from '../message-screen.tsx';
import type { TourDeepLink } from '../join-token.ts';
import { useTourActivity } from '../use-tour-activity.ts';
import { TourFileError } from '../../xr/tour/fetch-bytes.ts';
import { TourAssets } from '../../xr/tour/tour-assets.ts';
import type { TourDownloads } from '../../xr/tour/tour-downloads.ts';
import { markTour } from '../../xr/tour/tour-marks.ts';
import { pickTourMode, tourContent, type DeviceCapabilities } from '../../xr/tour/tour-mode.ts';
import { localizeTour } from '../../xr/tour/tour-translation.ts';
import { TourFailure } from './tour-failure.tsx';
import { useMicrophone } from './use-microphone.ts';
import { TourViewer } from './tour-viewer.tsx';

// When this chunk (and three.js with it) has arrived and run.
markTour('viewer-code');

export interface ReadyTourProps {
  tour: TourManifest;
  manifestUrl: string;
  token: string;
  caseId: string;
  link: TourDeepLink;
  device: DeviceCapabilities;
  downloads: TourDownloads;
  onRetry: () => void;
}

export default function ReadyTour(props: ReadyTourProps) {
  const { t, i18n } = useTranslation('tour');
  const [assets, setAssets] = useState<TourAssets | null>(null);
  const activity = useTourActivity(props.token, props.caseId);
  // A self-guided tour joins the call only once the customer asks for a person.
  const [callWanted, setCallWanted] = useState(props.link.selfGuided !== true);
  const mic = useMicrophone(callWanted);
  const [error, setError] = useState<Error | null>(null);
  const { tour, manifestUrl, device, downloads } = props;
  // The tour's own words in the page's language, where it has them; the files stay the same.
  const shownTour = useMemo(() => localizeTour(tour, i18n.language), [tour, i18n.language]);

  useEffect(() => {
    const next = new TourAssets(tour, manifestUrl, device.maxTextureSize || 4096, downloads);
    setAssets(next);
    return () => next.dispose();
  }, [tour, manifestUrl, device, downloads]);

  if (error) return <TourFailure message={error instanceof TourFileError ? error.message : t('failed.stopped', { reason: error.message })} onRetry={props.onRetry} />;
  if (!assets) return <LoadingScreen />;
  const mode = pickTourMode(tourContent(tour), device);
  return <TourViewer tour={shownTour} assets={assets} mode={mode} link={props.link} token={props.token} caseId={props.caseId} mic={mic} activity={activity} onError={setError} onAskForPerson={callWanted ? null : () => setCallWanted(true)} />;
}
