// The REST read API (/api/v1) for claims and booking systems: GET only, an API key as the one
// credential (a session cookie or a join token is refused here), a rate limit per key. Also the
// OpenAPI document that describes it (public).
import express, { type Request, type RequestHandler, type Response } from 'express';
import { rateLimit } from 'express-rate-limit';
import { ApiCaseQuery, type ApiCase, type ApiCasePage, type ApiEvidenceList, type ApiKeyScope, type ApiKeyView, type ApiLedger, type ApiOfferList, type ApiOutcomeList } from '../../../protocol/read-api.ts';
import { looksLikeApiKey } from '../api-keys/api-key-format.ts';
import { HttpError, notFound } from '../errors.ts';
import type { LedgerStore } from '../ledger/ledger-store.ts';
import { buildOpenApiDocument } from '../openapi/openapi-document.ts';
import type { ReadApi } from '../read-api/read-api.ts';
import { offerView } from '../settlement/offer-view.ts';
import type { CaseCursor } from '../read-api/read-api-store.ts';
import type { Auth } from './auth.ts';
import { parseInput } from './validate.ts';

export interface ReadApiRouteDeps {
  auth: Auth;
  readApi: ReadApi;
  ledger: Pick<LedgerStore, 'list'>;
  version: string;
}

const WINDOW_MS = 60_000;

function bearerToken(req: Request): string {
  const header = req.headers.authorization;
  if (!header) {
    const reason = req.headers.cookie ? 'the read API takes an API key, not a session cookie' : 'the read API needs an API key';
    throw new HttpError(401, 'api_key_required', `${reason}: send "Authorization: Bearer slk_…" (an admin makes keys in the console)`);
  }
  const match = /^Bearer +(\S+)$/.exec(header);
  if (!match) throw new HttpError(401, 'invalid_api_key', 'the Authorization header is not "Bearer <API key>"');
  if (!looksLikeApiKey(match[1]!)) throw new HttpError(401, 'invalid_api_key', 'the read API takes an API key (slk_…), not a join link token or other credential');
  return match[1]!;
}

const keyOf = (res: Response): ApiKeyView => res.locals.apiKey as ApiKeyView;

/** Page cursors are opaque to clients: base64url of [updatedAt, id]. */
const encodeCursor = (c: ApiCase): string => Buffer.from(JSON.stringify([c.updatedAt, c.id])).toString('base64url');
function decodeCursor(cursor: string): CaseCursor {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === 2 && value.every((v) => typeof v === 'string')) return { updatedAt: value[0] as string, id: value[1] as string };
  } catch {
    // Not JSON: refused below like any other cursor this API did not give.
  }
  throw new HttpError(400, 'invalid_cursor', 'cursor must be a nextCursor this API gave');
}

export function readApiRoutes(deps: ReadApiRouteDeps): express.Router {
  const { readApi } = deps;
  const router = express.Router();
  let openApi: ReturnType<typeof buildOpenApiDocument> | null = null;

  const perKey = rateLimit({
    windowMs: WINDOW_MS,
    limit: readApi.limitPerMinute,
    // Redis unreachable: refuse rather than let unlimited reads through.
    ...(readApi.limitStore ? { store: readApi.limitStore, passOnStoreError: false } : {}),
    keyGenerator: (_req, res) => keyOf(res).id,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    handler: (_req, res, next) => {
      if (!res.get('Retry-After')) res.set('Retry-After', String(WINDOW_MS / 1000));
      next(new HttpError(429, 'too_many_requests', `this API key may make ${readApi.limitPerMinute} requests a minute; wait and try again`));
    },
  });

  /** The API key of the request, holding `scope`; then the key's rate limit. */
  const withKey = (scope: ApiKeyScope): RequestHandler[] => [
    async (req, res, next) => {
      res.set('Cache-Control', 'no-store');
      res.locals.apiKey = await readApi.apiKeys.authenticate(bearerToken(req), scope);
      next();
    },
    perKey,
  ];

  const caseOf = async (id: string): Promise<ApiCase> => {
    const found = await readApi.cases.caseById(id);
    if (!found) throw notFound('case');
    return found;
  };

  router.get('/openapi.json', (_req, res) => {
    openApi ??= buildOpenApiDocument(deps.version);
    res.json(openApi);
  });

  router.get('/v1/cases', ...withKey('cases:read'), async (req, res) => {
    const query = parseInput(ApiCaseQuery, req.query, 'query');
    const page = await readApi.cases.cases({
      ...(query.reference !== undefined ? { reference: query.reference } : {}),
      ...(query.updatedSince !== undefined ? { updatedSince: new Date(query.updatedSince).toISOString() } : {}),
      ...(query.cursor !== undefined ? { after: decodeCursor(query.cursor) } : {}),
      limit: query.limit + 1,
    });
    const cases = page.slice(0, query.limit);
    const answer: ApiCasePage = { cases, nextCursor: page.length > query.limit ? encodeCursor(cases.at(-1)!) : null };
    res.json(answer);
  });

  router.get('/v1/cases/:id', ...withKey('cases:read'), async (req, res) => {
    res.json(await caseOf(req.params.id as string));
  });

  router.get('/v1/cases/:id/outcomes', ...withKey('outcomes:read'), async (req, res) => {
    const { id } = await caseOf(req.params.id as string);
    const answer: ApiOutcomeList = { outcomes: await readApi.outcomes.list(id) };
    res.json(answer);
  });

  router.get('/v1/cases/:id/evidence', ...withKey('evidence:read'), async (req, res) => {
    const { id } = await caseOf(req.params.id as string);
    const answer: ApiEvidenceList = { evidence: await readApi.cases.evidence(id) };
    res.json(answer);
  });

  router.get('/v1/cases/:id/offers', ...withKey('offers:read'), async (req, res) => {
    const { id } = await caseOf(req.params.id as string);
    const now = readApi.clock().toISOString();
    const answer: ApiOfferList = { offers: (await readApi.offers.list(id)).map((row) => {
      const { codeSentTo: _recipient, ...offer } = offerView(row, now, null);
      return offer;
    }) };
    res.json(answer);
  });

  router.get('/v1/cases/:id/ledger', ...withKey('ledger:read'), async (req, res) => {
    const { id } = await caseOf(req.params.id as string);
    const answer: ApiLedger = { entries: await deps.ledger.list(id) };
    res.json(answer);
  });

  return router;
}
