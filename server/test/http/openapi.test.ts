// The OpenAPI document at /api/openapi.json: public, OpenAPI 3.1, every $ref resolves, every /api/v1
// route the app serves (read from its router) is described with the API key scheme and its answers, and
// nothing else is; real answers fit both the document's schemas and the zod schemas it was built from.
import type { RequestListener } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ApiCase, ApiCasePage, ApiEvidenceList, ApiLedger, ApiOfferList, ApiOutcomeList } from '../../../protocol/read-api.ts';
import { WEBHOOK_EVENTS } from '../../../protocol/webhooks.ts';
import { flatJpeg } from '../evidence/fixtures.ts';
import { listAppRoutes, withServedApp } from '../faults/route-list.ts';
import { bearer, startHarness, type Client, type Harness } from './harness.ts';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
interface Operation {
  security?: Array<Record<string, string[]>>;
  parameters?: Array<{ name: string; in: string; required?: boolean }>;
  responses: Record<string, { content?: Record<string, { schema: Json }> }>;
}

let h: Harness;
let app: RequestListener;
let admin: Client;
let doc: { openapi: string; paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, Json>; securitySchemes: Record<string, { type: string; scheme: string }> }; [key: string]: unknown };
let key: string;
let caseId: string;

/** `/api/v1/cases/:id` → `/api/v1/cases/{id}`. */
const openApiPath = (express: string): string => express.replace(/:([A-Za-z]+)/g, '{$1}');

function refsIn(value: Json, found: string[] = []): string[] {
  if (Array.isArray(value)) for (const v of value) refsIn(v, found);
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k === '$ref' && typeof v === 'string') found.push(v);
      else refsIn(v, found);
    }
  }
  return found;
}

function resolvePointer(root: unknown, ref: string): unknown {
  if (!ref.startsWith('#/')) return undefined;
  return ref.slice(2).split('/').map((s) => s.replaceAll('~1', '/').replaceAll('~0', '~')).reduce<unknown>((node, segment) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[segment] : undefined), root);
}

/** The document's schema for an answer, as a zod schema (its component refs rewritten to local $defs). */
function documentSchema(schema: Json): z.ZodType {
  const rewrite = (value: Json): Json => JSON.parse(JSON.stringify(value).replaceAll('#/components/schemas/', '#/$defs/')) as Json;
  return z.fromJSONSchema({ ...(rewrite(schema) as object), $defs: rewrite(doc.components.schemas) } as never);
}

beforeAll(async () => {
  ({ started: h, app } = await withServedApp(() => startHarness()));
  admin = h.client();
  await admin.login();
  const created = await admin.json('/api/cases', { method: 'POST', json: { title: 'Described case', reference: 'CLM-OPENAPI-1' } });
  caseId = created.body.case.id;
  const form = new FormData();
  form.set('source', 'gallery');
  form.set('file', new Blob([new Uint8Array(await flatJpeg(32, 32, '#aa3300'))], { type: 'image/jpeg' }), 'photo.jpg');
  expect((await admin.fetch(`/api/cases/${caseId}/evidence`, { method: 'POST', body: form })).status).toBe(201);
  expect((await admin.json(`/api/cases/${caseId}/outcome`, { method: 'POST', json: { decision: 'settled', reason: 'Agreed', amount: 1200, currency: 'EUR', damageItems: [{ area: 'Bonnet', severity: 'moderate', estimatedCost: 1200 }] } })).status).toBe(201);
  expect((await admin.json('/api/admin/settings', { method: 'PUT', json: { offerRequiresIdentity: false } })).status).toBe(200);
  expect((await admin.json(`/api/cases/${caseId}/offers`, { method: 'POST', json: { amount: 90, currency: 'EUR', items: [{ description: 'Glass', amount: 90 }], conditions: 'None', expiresAt: new Date(Date.now() + 86_400_000).toISOString() } })).status).toBe(201);
  const made = await admin.json('/api/admin/api-keys', { method: 'POST', json: { name: 'Doc check', scopes: ['cases:read', 'outcomes:read', 'evidence:read', 'offers:read', 'ledger:read'] } });
  key = made.body.key;
  const res = await h.client().json('/api/openapi.json');
  expect(res.status).toBe(200);
  doc = res.body;
});

afterAll(async () => {
  await h.close();
});

describe('the OpenAPI document', () => {
  it('is OpenAPI 3.1 with an HTTP bearer scheme, and every $ref in it resolves', () => {
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.components.securitySchemes.apiKey).toMatchObject({ type: 'http', scheme: 'bearer' });
    const refs = refsIn(doc as unknown as Json);
    expect(refs.length).toBeGreaterThan(5);
    for (const ref of new Set(refs)) expect(resolvePointer(doc, ref), ref).toBeDefined();
  });

  it('describes every /api/v1 route the app serves, and no other, each with its key, scope and answers', () => {
    const served = listAppRoutes(app).routes.filter((r) => r.path.startsWith('/api/v1/'));
    expect(served.length).toBeGreaterThanOrEqual(6);
    expect(served.every((r) => r.method === 'GET')).toBe(true);
    expect(Object.keys(doc.paths).sort()).toEqual(served.map((r) => openApiPath(r.path)).sort());
    for (const route of served) {
      const path = openApiPath(route.path);
      const operation = doc.paths[path]!.get!;
      expect(operation, path).toBeDefined();
      expect(operation.security, path).toEqual([{ apiKey: [] }]);
      expect(operation['x-scope' as keyof Operation], path).toMatch(/^[a-z]+:read$/);
      for (const status of ['200', '401', '403', '429']) expect(operation.responses[status]?.content?.['application/json']?.schema, `${path} ${status}`).toBeDefined();
      for (const name of [...path.matchAll(/\{([A-Za-z]+)\}/g)].map((m) => m[1])) {
        expect(operation.parameters?.find((p) => p.in === 'path' && p.name === name)?.required, `${path} {${name}}`).toBe(true);
      }
    }
    expect(doc.paths['/api/v1/cases']!.get!.parameters!.map((p) => p.name).sort()).toEqual(['cursor', 'limit', 'reference', 'updatedSince']);
  });

  it('describes the answers the API really gives (checked with the document and with the protocol)', async () => {
    const checks: Array<[string, string, z.ZodType]> = [
      ['/api/v1/cases?reference=CLM-OPENAPI-1', '/api/v1/cases', ApiCasePage],
      [`/api/v1/cases/${caseId}`, '/api/v1/cases/{id}', ApiCase],
      [`/api/v1/cases/${caseId}/outcomes`, '/api/v1/cases/{id}/outcomes', ApiOutcomeList],
      [`/api/v1/cases/${caseId}/evidence`, '/api/v1/cases/{id}/evidence', ApiEvidenceList],
      [`/api/v1/cases/${caseId}/offers`, '/api/v1/cases/{id}/offers', ApiOfferList],
      [`/api/v1/cases/${caseId}/ledger`, '/api/v1/cases/{id}/ledger', ApiLedger],
    ];
    for (const [url, path, protocol] of checks) {
      const res = await h.client().json(url, { headers: bearer(key) });
      expect(res.status, url).toBe(200);
      const described = documentSchema(doc.paths[path]!.get!.responses['200']!.content!['application/json']!.schema);
      expect(described.safeParse(res.body).error, url).toBeUndefined();
      expect(protocol.parse(res.body), url).toEqual(res.body);
      // The document is no rubber stamp: a field of the wrong type fails it.
      expect(described.safeParse({ ...res.body, [Object.keys(res.body)[0]!]: 42 }).success, url).toBe(false);
    }
    const refused = await h.client().json(`/api/v1/cases/${caseId}/outcomes`);
    const error = documentSchema(doc.paths['/api/v1/cases/{id}/outcomes']!.get!.responses['401']!.content!['application/json']!.schema);
    expect(error.safeParse(refused.body).success).toBe(true);
  });

  it('describes every webhook event: its signed headers and its body, from protocol/webhooks.ts', () => {
    const webhooks = doc.webhooks as Record<string, { post: Operation & { requestBody: { content: Record<string, { schema: Json }> } } }>;
    expect(Object.keys(webhooks).sort()).toEqual([...WEBHOOK_EVENTS, 'webhook.test'].sort());
    for (const [event, item] of Object.entries(webhooks)) {
      expect(item.post.parameters?.filter((p) => p.in === 'header' && p.required).map((p) => p.name).sort(), event).toEqual(['webhook-id', 'webhook-signature', 'webhook-timestamp']);
      const body = documentSchema(item.post.requestBody.content['application/json']!.schema);
      expect(body.safeParse({ type: event, timestamp: '2026-12-05T10:00:00.000Z', data: {} }).success, event).toBe(false);
    }
    const accepted = documentSchema(webhooks['case.closed']!.post.requestBody.content['application/json']!.schema);
    expect(accepted.safeParse({ type: 'case.closed', timestamp: '2026-12-05T10:00:00.000Z', data: { caseId: 'case_1', reference: null, ledgerSeq: 3, entryHash: 'ab', reason: null } }).success).toBe(true);
  });
});
