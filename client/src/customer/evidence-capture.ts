// Answers the assessor's snapshot request: a full-resolution still from this device, uploaded over
// HTTP with retries, then a snapshot-result (with the evidence id, or the error) for the data channel.
import type { Location } from '../../../protocol/http.ts';
import type { PeerMessage } from '../../../protocol/messages.ts';
import type { AnnotationLayer } from '../../../protocol/spatial.ts';
import { messageOf } from '../lib/api.ts';
import { randomId } from '../lib/ids.ts';
import { uploadEvidence } from '../ui/upload.ts';
import { takeStill } from './snapshot.ts';

export interface SnapshotContext {
  caseId: string;
  token: string;
  track: MediaStreamTrack | undefined;
  location: Location | null;
  /** The annotation layer visible as the photo is taken, if any. */
  layer?: () => Promise<AnnotationLayer | null>;
}

export async function answerSnapshotRequest(requestId: string, context: SnapshotContext): Promise<PeerMessage> {
  const result = { v: 1 as const, type: 'snapshot-result' as const, requestId };
  if (!context.track || context.track.readyState !== 'live') {
    return { ...result, error: 'The customer’s camera is off (voice or chat only).' };
  }
  try {
    const deviceTime = new Date().toISOString();
    const [photo, layer] = await Promise.all([takeStill(context.track), context.layer?.() ?? Promise.resolve(null)]);
    const evidence = await uploadEvidence({
      caseId: context.caseId,
      token: context.token,
      file: photo,
      fileName: `still-${deviceTime.replace(/[:.]/g, '-')}.${photo.type === 'image/png' ? 'png' : 'jpg'}`,
      source: 'device-still',
      uploadId: randomId(),
      deviceTime,
      requestId,
      location: context.location,
      ...(layer ? { layer: JSON.stringify(layer) } : {}),
      attempts: 5,
    });
    return { ...result, evidenceId: evidence.id };
  } catch (error) {
    return { ...result, error: messageOf(error).slice(0, 500) };
  }
}
