// Builds the case the report tests read: an assessor's case with three photos (one blurry, one
// portrait from the gallery), a call, chat from both sides, and a referral later settled.
import sharp from 'sharp';
import { detailedJpeg, detailedSvg } from '../evidence/fixtures.ts';
import { bearer, type Client, type Harness } from '../http/harness.ts';

export const REPORT_CASE = {
  title: 'Storm damage, garage roof',
  customerName: 'Jane Doe',
  chat: ['The water comes in at the left corner of the garage.', 'Thanks. Please point the camera at the ceiling above the door.'],
  items: [
    { area: 'Garage roof tiles', severity: 'moderate', estimatedCost: 850 },
    { area: 'Ceiling plaster above the door', severity: 'minor', estimatedCost: 350 },
  ],
} as const;

export interface BuiltCase {
  caseId: string;
  token: string;
  assessor: Client;
  photoShas: string[];
}

/** The case in another language (`cases.language`), named and paid as a customer there would be. */
export interface ReportCaseOptions {
  language?: string;
  title?: string;
  customerName?: string;
  currency?: string;
}

export async function buildReportCase(h: Harness, admin: Client, options: ReportCaseOptions = {}): Promise<BuiltCase> {
  const email = 'alice@example.test';
  await admin.json('/api/users', { method: 'POST', json: { email, name: 'Alice Example', password: 'a long enough password', role: 'assessor' } });
  const assessor = h.client();
  await assessor.login(email, 'a long enough password');

  const json = { title: options.title ?? REPORT_CASE.title, customerName: options.customerName ?? REPORT_CASE.customerName, ...(options.language ? { language: options.language } : {}) };
  const created = (await assessor.json('/api/cases', { method: 'POST', json })).body;
  const caseId: string = created.case.id;
  const token: string = created.token;
  const customer = h.client();
  await customer.json('/api/join/consent', { method: 'POST', headers: bearer(token), json: { recording: true, location: true } });
  await assessor.json(`/api/cases/${caseId}/calls`, { method: 'POST', json: { callId: 'call-00000001', event: 'started' } });
  await assessor.json(`/api/cases/${caseId}/calls`, { method: 'POST', json: { callId: 'call-00000001', event: 'connected' } });

  const still = await detailedJpeg(1920, 1080);
  const blurred = await sharp(still).blur(10).jpeg().toBuffer();
  const portrait = await sharp(detailedSvg(900, 1200, 7)).modulate({ hue: 180 }).jpeg({ quality: 88 }).toBuffer();
  const upload = async (client: Client, bytes: Buffer, fields: Record<string, string>, headers: Record<string, string> = {}): Promise<string> => {
    const body = new FormData();
    for (const [k, v] of Object.entries(fields)) body.set(k, v);
    body.set('file', new Blob([new Uint8Array(bytes)], { type: 'image/jpeg' }), 'photo.jpg');
    const res = await client.json(`/api/cases/${caseId}/evidence`, { method: 'POST', headers, body });
    if (res.status !== 201) throw new Error(`upload failed: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.sha256;
  };
  const deviceTime = new Date(Date.now() - 95_000).toISOString();
  const photoShas = [
    await upload(customer, still, { source: 'device-still', deviceTime, latitude: '51.50135', longitude: '-0.14189', accuracy: '12' }, bearer(token)),
    await upload(assessor, blurred, { source: 'video-frame' }),
    await upload(customer, portrait, { source: 'gallery' }, bearer(token)),
  ];

  await customer.json(`/api/cases/${caseId}/chat`, { method: 'POST', headers: bearer(token), json: { id: 'chat-customer-1', text: REPORT_CASE.chat[0] } });
  await assessor.json(`/api/cases/${caseId}/chat`, { method: 'POST', json: { id: 'chat-assessor-1', text: REPORT_CASE.chat[1] } });
  await assessor.json(`/api/cases/${caseId}/calls`, { method: 'POST', json: { callId: 'call-00000001', event: 'ended', detail: 'assessor hung up' } });

  await assessor.json(`/api/cases/${caseId}/outcome`, { method: 'POST', json: { decision: 'referred', reason: 'Needs a roofer\'s quote before a decision.' } });
  const settled = await assessor.json(`/api/cases/${caseId}/outcome`, {
    method: 'POST',
    json: { decision: 'settled', reason: 'Roofer confirmed storm damage; cash settlement agreed with the customer.', amount: 1200, currency: options.currency ?? 'EUR', damageItems: REPORT_CASE.items },
  });
  if (settled.status !== 201) throw new Error(`outcome failed: ${settled.status} ${JSON.stringify(settled.body)}`);
  return { caseId, token, assessor, photoShas };
}
