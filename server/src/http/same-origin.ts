// Writes a browser sends with the session cookie must come from the server's own pages. SameSite=Strict
// already keeps the cookie off other sites' requests, but another port on the same host is the same
// site; this refuses such writes by their Origin and Sec-Fetch-Site headers. A customer's Bearer call
// is no cookie's authority, and a client that sends neither header (curl, scripts) is no browser.
import type { Request, RequestHandler } from 'express';
import { HttpError, text } from '../errors.ts';
import { SESSION_COOKIE } from './auth.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export interface SameOriginDeps {
  /** SIGHTLINE_PUBLIC_URL, when the server is reached through it. */
  publicUrl: string | null;
  /** The ports the server listens on now (known only once it listens). */
  ports: () => { http: number | null; https: number | null };
}

export function sameOriginWrites(deps: SameOriginDeps): RequestHandler {
  return (req, _res, next) => {
    if (SAFE_METHODS.has(req.method) || !needsCheck(req)) {
      next();
      return;
    }
    const site = req.get('sec-fetch-site');
    if (site === 'cross-site' || site === 'same-site') {
      throw new HttpError(403, 'cross_origin_write', text('http.crossSite', { site }));
    }
    const origin = req.get('origin');
    if (origin !== undefined && !ownOrigins(req, deps).has(normalOrigin(origin) ?? '')) {
      throw new HttpError(403, 'cross_origin_write', text('http.crossOrigin', { origin }));
    }
    next();
  };
}

/** Every write but a customer's: one with only a Bearer token carries no ambient authority to abuse. */
function needsCheck(req: Request): boolean {
  const hasCookie = (req.headers.cookie ?? '').split(';').some((part) => part.trim().startsWith(`${SESSION_COOKIE}=`));
  return hasCookie || req.headers.authorization === undefined;
}

function ownOrigins(req: Request, deps: SameOriginDeps): Set<string> {
  const origins = new Set<string>();
  const add = (url: string | null) => {
    const origin = url === null ? null : normalOrigin(url);
    if (origin) origins.add(origin);
  };
  // The origin the request itself was sent to: the page that sent it, when it is one of ours.
  add(`${req.protocol}://${req.get('host') ?? ''}`);
  add(deps.publicUrl);
  // The server's other listener (http beside https) under the same host name.
  // (Express keeps an IPv6 host name in its brackets.)
  const host: string | undefined = req.hostname;
  const { http, https } = deps.ports();
  if (host && http !== null) add(`http://${host}:${http}`);
  if (host && https !== null) add(`https://${host}:${https}`);
  return origins;
}

/** scheme://host[:port] with the default port left out and the host lower-cased; null if it is no URL. */
function normalOrigin(url: string): string | null {
  try {
    const origin = new URL(url).origin;
    return origin === 'null' ? null : origin;
  } catch {
    return null;
  }
}
