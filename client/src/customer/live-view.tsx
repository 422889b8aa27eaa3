// The picture area of the call screen, by mode: the AR session or the 3D overlay (both loaded on
// demand, so the plain camera path never downloads three.js), the camera preview with the assessor's
// marks drawn flat on it, or a note when the camera is off. The camera is shown whole, in its own
// shape (no crop): what the customer sees is what the assessor receives.
import { lazy, Suspense, useState, type CSSProperties } from 'react';
import type { CustomerMode } from '../../../protocol/messages.ts';
import { ArChecklistBar } from './checklist/ar-checklist-bar.tsx';
import type { Checklist } from './checklist/use-checklist.ts';
import { useSrcObject } from '../ui/use-src-object.ts';
import { FlatAnnotations } from './spatial/flat-annotations.tsx';
import type { SpatialHost } from './spatial/spatial-host.ts';
import { useSpatialState } from './spatial/use-spatial-state.ts';
import { useTranslation } from 'react-i18next';

const ArView = lazy(() => import('../xr/ar-view.tsx'));
const OverlayView = lazy(() => import('../xr/overlay-view.tsx'));

export function LiveView(props: {
  mode: CustomerMode;
  stream: MediaStream | null;
  host: SpatialHost;
  /** The guided-capture checklist: in AR its item, aim guide and shutter are shown over the view. */
  checklist: Checklist;
  cameraOff: boolean;
  /** The customer's microphone is off (muted, or none): the camera-off note must not say the assessor hears them. */
  microphoneOff: boolean;
  /** Bumped when the camera's track was replaced (front/back), to attach the new one. */
  cameraVersion: number;
  badge: string | null;
  onVideoTrack: (track: MediaStreamTrack | null) => void;
  onArEnded: () => void;
  onError: (message: string) => void;
  /** Opens the chat (offered in text only). */
  onOpenChat?: () => void;
}) {
  const { t } = useTranslation('customer');
  const { annotations } = useSpatialState(props.host);
  const camera = props.mode === 'camera' && !props.cameraOff;
  const loading = (
    <div className="preview-note" data-testid="mode-loading">
      {t('view.loading3d')}
    </div>
  );

  return (
    <div className={`preview preview-${props.mode} ${camera || props.mode === 'ar' || props.mode === 'overlay' ? '' : 'preview-off'}`}>
      {props.mode === 'ar' && (
        <Suspense fallback={loading}>
          <ArView
            host={props.host}
            camera={props.stream}
            onVideoTrack={props.onVideoTrack}
            onEnded={props.onArEnded}
            onError={props.onError}
            aim={props.checklist.aim?.aim ?? null}
            overlay={(report) => (
              <>
                <ArChecklistBar checklist={props.checklist} report={report} />
                <div className="ar-overlay-bar">
                  <strong>{t('view.arTitle')}</strong>
                  <span className="small">{t('view.arHint')}</span>
                  <button type="button" className="btn btn-small" data-testid="ar-leave" onClick={props.onArEnded}>
                    {t('view.leaveAr')}
                  </button>
                </div>
              </>
            )}
          />
        </Suspense>
      )}
      {props.mode === 'overlay' && (
        <Suspense fallback={loading}>
          <OverlayView host={props.host} camera={props.stream} onVideoTrack={props.onVideoTrack} />
        </Suspense>
      )}
      {props.mode === 'camera' && <CameraPreview key={props.cameraVersion} stream={camera ? props.stream : null} annotations={camera ? annotations : []} />}
      {(props.mode === 'voice' || props.mode === 'text' || (props.mode === 'camera' && props.cameraOff)) && (
        <div className="preview-note" data-testid="camera-off-note">
          {t(props.mode === 'text' ? 'view.textOnly' : props.microphoneOff ? 'view.cameraMicOff' : 'view.cameraOff')}
          {/* Text only is a chat: where to type is one tap away from the note that says so. */}
          {props.mode === 'text' && props.onOpenChat && (
            <button type="button" className="btn btn-primary preview-note-action" data-testid="text-open-chat" onClick={props.onOpenChat}>
              {t('view.openChat')}
            </button>
          )}
        </div>
      )}
      {props.badge && <span className="preview-badge">{props.badge}</span>}
    </div>
  );
}

/** The camera whole, in a frame of its own shape; the flat marks share the frame, so they sit where placed. */
function CameraPreview(props: { stream: MediaStream | null; annotations: ReturnType<typeof useSpatialState>['annotations'] }) {
  const preview = useSrcObject<HTMLVideoElement>(props.stream);
  const [size, setSize] = useState({ width: 0, height: 0 });
  const ratio = size.width > 0 && size.height > 0 ? size.width / size.height : 4 / 3;
  return (
    <div className="preview-frame" style={{ '--ratio': ratio } as CSSProperties}>
      <video
        ref={preview}
        data-testid="local-preview"
        muted
        playsInline
        autoPlay
        onLoadedMetadata={(event) => setSize({ width: event.currentTarget.videoWidth, height: event.currentTarget.videoHeight })}
        onResize={(event) => setSize({ width: event.currentTarget.videoWidth, height: event.currentTarget.videoHeight })}
      />
      <FlatAnnotations annotations={props.annotations} width={size.width} height={size.height} />
    </div>
  );
}
