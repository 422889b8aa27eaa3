// Builds a case with everything issue #5 adds: a property checklist with an accepted, a rejected and a
// retaken photo, annotations placed and cleared, a measurement, and a photo with an annotation layer.
import sharp from 'sharp';
import type { AnnotationBody, AnnotationLayer, MeasurementBody } from '../../../protocol/spatial.ts';
import { detailedJpeg } from '../evidence/fixtures.ts';
import { bearer, type Client, type Harness } from '../http/harness.ts';

export const SPATIAL_CASE = {
  title: 'Burst pipe, utility room',
  tape: {
    id: 'measure-door-01', a: [0, 0, -2], b: [0.82, 0, -2], screenA: { u: 0.35, v: 0.55 }, screenB: { u: 0.65, v: 0.55 },
    cameraPose: { position: [0, 1.4, 0], orientation: [0, 0, 0, 1] }, label: 'Door width',
  } satisfies MeasurementBody,
  marker: { id: 'ann-marker-001', kind: 'marker', label: 'Leak', screen: { u: 0.5, v: 0.5 }, anchor: null } satisfies AnnotationBody,
  arrow: { id: 'ann-arrow-0001', kind: 'arrow', screen: { u: 0.2, v: 0.2 }, anchor: null } satisfies AnnotationBody,
};

export const LAYER: AnnotationLayer = {
  items: [
    { kind: 'circle', points: [{ u: 0.3, v: 0.4 }], label: 'Water stain', refId: 'ann-marker-001' },
    { kind: 'arrow', points: [{ u: 0.8, v: 0.2 }, { u: 0.6, v: 0.4 }], label: 'Pipe joint' },
    { kind: 'measurement', points: [{ u: 0.35, v: 0.55 }, { u: 0.65, v: 0.55 }], refId: SPATIAL_CASE.tape.id },
    { kind: 'marker', points: [{ u: 0.5, v: 0.8 }] },
    { kind: 'label', points: [{ u: 0.1, v: 0.9 }], label: 'Floor tiles lifted' },
  ],
};

export interface SpatialCase {
  caseId: string;
  token: string;
  /** Evidence ids in upload order: layered+accepted overview, blurred close-up, retaken close-up. */
  evidence: string[];
}

export async function buildSpatialCase(h: Harness, admin: Client): Promise<SpatialCase> {
  const created = (await admin.json('/api/cases', { method: 'POST', json: { title: SPATIAL_CASE.title, customerName: 'Sam Lee', checklist: 'property' } })).body;
  const caseId: string = created.case.id;
  const token: string = created.token;
  const customer = (path: string, json: unknown) => h.client().json(`/api/cases/${caseId}${path}`, { method: 'POST', headers: bearer(token), json });
  const must = async (res: Promise<{ status: number; body: unknown }>) => {
    const answer = await res;
    if (answer.status >= 300) throw new Error(`setup failed: ${answer.status} ${JSON.stringify(answer.body)}`);
  };
  await must(h.client().json('/api/join/consent', { method: 'POST', headers: bearer(token), json: { recording: true, location: false } }));
  await must(customer('/annotations', SPATIAL_CASE.marker));
  await must(admin.json(`/api/cases/${caseId}/annotations`, { method: 'POST', json: SPATIAL_CASE.arrow }));
  await must(customer('/measurements', SPATIAL_CASE.tape));
  await must(admin.json(`/api/cases/${caseId}/annotations/clear`, { method: 'POST', json: { ids: [SPATIAL_CASE.arrow.id] } }));

  const sharpPhoto = await detailedJpeg(1280, 960);
  const photos: Array<[Buffer, Record<string, string>]> = [
    [sharpPhoto, { checklistItem: 'room-overview', layer: JSON.stringify(LAYER) }],
    [await sharp(sharpPhoto).blur(10).jpeg().toBuffer(), { checklistItem: 'damage-close-up' }],
    [await sharp(sharpPhoto).flop().jpeg().toBuffer(), { checklistItem: 'damage-close-up' }],
  ];
  const evidence: string[] = [];
  for (const [bytes, fields] of photos) {
    const body = new FormData();
    body.set('source', 'device-still');
    for (const [k, v] of Object.entries(fields)) body.set(k, v);
    body.set('file', new Blob([new Uint8Array(bytes)], { type: 'image/jpeg' }), 'photo.jpg');
    const res = await h.client().json(`/api/cases/${caseId}/evidence`, { method: 'POST', headers: bearer(token), body });
    if (res.status !== 201) throw new Error(`upload failed: ${res.status} ${JSON.stringify(res.body)}`);
    evidence.push(res.body.id);
  }
  return { caseId, token, evidence };
}
