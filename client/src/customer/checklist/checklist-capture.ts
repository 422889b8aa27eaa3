// One checklist photo: a full-resolution still from the device's camera (not a video frame of the
// call), uploaded over HTTP for its item with retries under one uploadId, so a resend is stored once.
import { ChecklistView } from '../../../../protocol/checklist.ts';
import type { EvidenceView, Location } from '../../../../protocol/http.ts';
import { i18next } from '../../i18n/i18n.ts';
import { apiFetch } from '../../lib/api.ts';
import { randomId } from '../../lib/ids.ts';
import { uploadEvidence } from '../../ui/upload.ts';
import { takeStill } from '../snapshot.ts';
import { photoFileName } from './checklist-state.ts';

/** A taken photo waiting to be sent; kept after a failed upload so "Try again" resends the same one. */
export interface ChecklistPhoto {
  itemId: string;
  blob: Blob;
  deviceTime: string;
  uploadId: string;
}

export interface ChecklistUploadContext {
  caseId: string;
  token: string;
  location: Location | null;
  onProgress?: (fraction: number) => void;
  signal?: AbortSignal;
}

/** Why the camera cannot take a checklist photo now, in words for the customer; null when it can. */
export function cameraProblem(track: MediaStreamTrack | undefined): string | null {
  if (!track || track.readyState !== 'live') return i18next.t('capture:camera.off');
  if (!track.enabled) return i18next.t('capture:camera.paused');
  // Some phones hand the camera to the AR session while it runs: the page's own camera then delivers nothing.
  if (track.muted) return i18next.t('capture:camera.busy');
  return null;
}

export async function takeChecklistPhoto(track: MediaStreamTrack, itemId: string): Promise<ChecklistPhoto> {
  const deviceTime = new Date().toISOString();
  const blob = await takeStill(track);
  return { itemId, blob, deviceTime, uploadId: randomId() };
}

export function uploadChecklistPhoto(photo: ChecklistPhoto, context: ChecklistUploadContext): Promise<EvidenceView> {
  return uploadEvidence({
    caseId: context.caseId,
    token: context.token,
    file: photo.blob,
    fileName: photoFileName(photo.itemId, photo.deviceTime, photo.blob.type),
    source: 'device-still',
    uploadId: photo.uploadId,
    deviceTime: photo.deviceTime,
    location: context.location,
    checklistItem: photo.itemId,
    onProgress: context.onProgress,
    signal: context.signal,
    attempts: 5,
  });
}

/** The checklist with its titles and hints in the page's language. */
export function fetchChecklist(token: string, caseId: string, signal?: AbortSignal): Promise<ChecklistView> {
  return apiFetch(`/api/cases/${encodeURIComponent(caseId)}/checklist?language=${encodeURIComponent(i18next.language)}`, ChecklistView, { token, signal });
}
