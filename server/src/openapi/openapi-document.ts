// The OpenAPI 3.1 description of the read API, generated from the zod schemas the routes answer with
// (protocol/read-api.ts), so it cannot drift from what is served. Built once, served at /api/openapi.json.
import { OpenAPIRegistry, OpenApiGeneratorV31, zodToOpenAPIRegistry, type RouteConfig } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import { ApiError, Location, OutcomeView, LedgerEntry } from '../../../protocol/http.ts';
import { CaptureCheck, CaseAddress, ExifFacts } from '../../../protocol/capture.ts';
import { ApiCase, ApiCasePage, ApiCaseQuery, ApiEvidence, ApiEvidenceList, ApiKeyScope, ApiLedger, ApiOffer, ApiOfferList, ApiOutcomeList } from '../../../protocol/read-api.ts';
import { webhookDescriptions } from './webhook-descriptions.ts';

/** The security scheme every /api/v1 operation names. */
export const API_KEY_SCHEME = 'apiKey';

interface ReadRoute {
  /** OpenAPI path, e.g. /api/v1/cases/{id}. */
  path: string;
  scope: ApiKeyScope;
  summary: string;
  description: string;
  query?: z.ZodObject;
  caseScoped: boolean;
  response: z.ZodType;
}

/** Every route of /api/v1 with the scope it needs (read-api-routes.ts checks the same scopes). */
export const READ_ROUTES: readonly ReadRoute[] = [
  {
    path: '/api/v1/cases', scope: 'cases:read', caseScoped: false, query: ApiCaseQuery, response: ApiCasePage,
    summary: 'Cases by reference, or every case in order of its last change',
    description: 'With `reference`: the cases with that operator reference (exact match). Otherwise every case, ordered by `updatedAt` then `id`, `limit` at a time; pass `nextCursor` back as `cursor` for the next page, and `updatedSince` to fetch only what changed since a sync.',
  },
  { path: '/api/v1/cases/{id}', scope: 'cases:read', caseScoped: true, response: ApiCase, summary: 'One case', description: 'The case, its decision in force, evidence count and the head of its signed ledger.' },
  { path: '/api/v1/cases/{id}/outcomes', scope: 'outcomes:read', caseScoped: true, response: ApiOutcomeList, summary: "The case's outcomes, oldest first", description: 'Every decision recorded on the case; the last is the one in force, each later one names the one it supersedes.' },
  { path: '/api/v1/cases/{id}/evidence', scope: 'evidence:read', caseScoped: true, response: ApiEvidenceList, summary: "The case's evidence metadata", description: 'Each photo: source, purpose, hash, size, type, dimensions, device clock, location, EXIF, the when/where check, whether it was superseded, and its ledger entry. No image bytes.' },
  { path: '/api/v1/cases/{id}/offers', scope: 'offers:read', caseScoped: true, response: ApiOfferList, summary: "The case's settlement offers, oldest first", description: 'Each offer the assessor made: amount, currency, items, conditions, expiry, how acceptance is confirmed, and its state (open, accepted, declined, superseded, withdrawn, or expired once its expiry passed unanswered), with the receipt code of a decision.' },
  { path: '/api/v1/cases/{id}/ledger', scope: 'ledger:read', caseScoped: true, response: ApiLedger, summary: "The case's signed ledger", description: 'Every entry, oldest first, each hash-chained to the one before and signed (Ed25519) by a key of GET /api/ledger/keys.' },
];

/**
 * The shared schemas the document names as components (and refers to with $ref wherever they appear),
 * by their protocol names. The library's own metadata registry carries the names, so the protocol's
 * schemas stay plain zod (no `.openapi()` patched onto zod); a schema named once keeps its name.
 */
const COMPONENTS: Record<string, z.ZodType> = {
  ApiError, Location, CaseAddress, CaptureCheck, ExifFacts, OutcomeView, LedgerEntry,
  ApiCase, ApiCasePage, ApiEvidence, ApiEvidenceList, ApiOutcomeList, ApiOffer, ApiOfferList, ApiLedger, ApiKeyScope,
};

function nameComponents(): void {
  for (const [refId, schema] of Object.entries(COMPONENTS)) {
    if (!zodToOpenAPIRegistry.has(schema)) zodToOpenAPIRegistry.add(schema, { _internal: { refId } });
  }
}

const errorResponse = (description: string) => ({ description, content: { 'application/json': { schema: ApiError } } });

export function buildOpenApiDocument(version: string): ReturnType<OpenApiGeneratorV31['generateDocument']> {
  const registry = new OpenAPIRegistry();
  registry.registerComponent('securitySchemes', API_KEY_SCHEME, {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'slk_<prefix>_<secret>',
    description: 'An API key an admin made in the console (Users → API keys). Each route needs the scope it names.',
  });
  nameComponents();
  for (const route of READ_ROUTES) {
    const config: RouteConfig = {
      method: 'get',
      path: route.path,
      summary: route.summary,
      description: `${route.description}\n\nScope: \`${route.scope}\`.`,
      security: [{ [API_KEY_SCHEME]: [] }],
      request: {
        ...(route.caseScoped ? { params: z.object({ id: z.string().meta({ description: "The case's id" }) }) } : {}),
        ...(route.query ? { query: route.query } : {}),
      },
      responses: {
        200: { description: route.summary, content: { 'application/json': { schema: route.response } } },
        ...(route.query ? { 400: errorResponse('A query parameter is not valid') } : {}),
        401: errorResponse('No API key, a session cookie instead, or a key that is malformed, unknown or revoked'),
        403: errorResponse(`The key lacks the scope ${route.scope}`),
        ...(route.caseScoped ? { 404: errorResponse('No case has this id') } : {}),
        429: errorResponse('The key made too many requests this minute; wait as Retry-After says'),
      },
      'x-scope': route.scope,
    } as RouteConfig;
    registry.registerPath(config);
  }
  for (const webhook of webhookDescriptions()) registry.registerWebhook(webhook);
  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: {
      title: 'Sightline read API',
      version,
      description: 'Cases, outcomes, evidence metadata and signed ledgers for claims and booking systems, read with scoped API keys. See docs/READ-API.md.',
    },
    servers: [{ url: '/' }],
  });
}
