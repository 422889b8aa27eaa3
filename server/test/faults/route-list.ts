// The route list of the app that startServer really serves, read from its Express 5 router at test
// time, so a route added without a test entry is noticed. Routers are walked with `listRoutes()`
// (router 2.3); a sub-app or handler mounted below a path (the PeerJS mount) cannot be listed from
// outside and is reported as an opaque mount, for the tests to list by hand.
import http from 'node:http';
import type { RequestListener } from 'node:http';
import { vi } from 'vitest';

export interface AppRoute {
  method: string;
  /** Full path with its mount prefixes, e.g. `/api/cases/:id/chat`. */
  path: string;
}

export interface AppRoutes {
  routes: AppRoute[];
  /** Paths with something mounted below them that is neither a route nor a walkable router. */
  opaqueMounts: string[];
}

/** What this file reads of router 2.x: `listRoutes()` (public) and the stack's `rawPath` (to find mounts). */
interface RouterLike {
  listRoutes(): Array<{ path: unknown; methods?: string[]; router?: unknown }>;
  stack: Array<{ route?: unknown; rawPath?: unknown; handle?: { stack?: unknown } }>;
}

function asRouter(value: unknown, where: string): RouterLike {
  const candidate = value as Partial<RouterLike> | null;
  if (typeof candidate?.listRoutes !== 'function' || !Array.isArray(candidate.stack)) {
    throw new Error(`${where} is not a router with listRoutes() and a stack: has express or router changed?`);
  }
  return candidate as RouterLike;
}

/** Prefixes carry no trailing slash ('' for the root), so mounts at '/' add nothing. */
const join = (prefix: string, path: string): string => prefix + (path === '/' ? '' : path);

function asPath(value: unknown, where: string): string {
  if (typeof value !== 'string') throw new Error(`a route under ${where || '/'} has a non-string path (${String(value)}); list it by hand`);
  return value;
}

export function listAppRoutes(app: unknown): AppRoutes {
  const root = asRouter((app as { router?: unknown }).router, 'app.router');
  const found: AppRoutes = { routes: [], opaqueMounts: [] };
  const walk = (router: RouterLike, prefix: string): void => {
    for (const entry of router.listRoutes()) {
      const path = join(prefix, asPath(entry.path, prefix));
      if (entry.router) {
        walk(asRouter(entry.router, path), path);
        continue;
      }
      const methods = entry.methods ?? [];
      // listRoutes appends the HEAD that every GET route answers; only a HEAD registered alone is a route.
      const own = methods.includes('GET') ? methods.filter((m) => m !== 'HEAD') : methods;
      for (const method of own) found.routes.push({ method: method === '*' ? 'ALL' : method, path: path || '/' });
    }
    for (const layer of router.stack) {
      if (layer.route || Array.isArray(layer.handle?.stack)) continue;
      const mountedAt = layer.rawPath === undefined ? '/' : asPath(layer.rawPath, prefix);
      if (mountedAt !== '/') found.opaqueMounts.push(join(prefix, mountedAt));
    }
  };
  walk(root, '');
  return found;
}

/**
 * Runs `start` (which starts the real server in this process) and returns what it started together
 * with the request listener of its first HTTP server — the Express app — without any hook in src.
 */
export async function withServedApp<T>(start: () => Promise<T>): Promise<{ started: T; app: RequestListener }> {
  const spy = vi.spyOn(http, 'createServer');
  try {
    const started = await start();
    const server = spy.mock.results.find((r) => r.type === 'return')?.value as http.Server | undefined;
    const app = server?.listeners('request')[0] as RequestListener | undefined;
    if (!app) throw new Error('could not find the app: startServer no longer calls http.createServer?');
    return { started, app };
  } finally {
    spy.mockRestore();
  }
}

export const routeKey = (route: AppRoute): string => `${route.method} ${route.path}`;
