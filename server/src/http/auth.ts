// Who is calling: the session cookie of an assessor/admin, or a customer's join token as a Bearer header.
import type { Request, Response } from 'express';
import type { User } from '../../../protocol/http.ts';
import type { Principal } from '../auth/principal.ts';
import type { UserStore } from '../auth/user-store.ts';
import type { CaseService } from '../cases/case-service.ts';
import { forbidden, HttpError, text } from '../errors.ts';

export const SESSION_COOKIE = 'sl_session';
export const SESSION_TTL_MS = 12 * 3600_000;

export type Auth = ReturnType<typeof createAuth>;

export function createAuth(deps: { users: UserStore; cases: CaseService }) {
  const sessionId = (req: Request): string | null => {
    const header = req.headers.cookie;
    if (!header) return null;
    for (const part of header.split(';')) {
      const [name, ...rest] = part.trim().split('=');
      if (name === SESSION_COOKIE) return decodeCookie(rest.join('='));
    }
    return null;
  };

  const bearer = (req: Request): string | null => {
    const match = /^Bearer\s+([A-Za-z0-9_-]{16,256})$/.exec(req.headers.authorization ?? '');
    if (req.headers.authorization && !match) throw new HttpError(401, 'invalid_token', text('auth.badBearer'));
    // An API key reads /api/v1 and nothing else: it never stands for a user or a customer.
    if (match?.[1]?.startsWith('slk_')) throw new HttpError(401, 'api_key_not_accepted', text('auth.apiKeyOnlyReadApi'));
    return match?.[1] ?? null;
  };

  const sessionUser = async (req: Request): Promise<User | null> => {
    const id = sessionId(req);
    return id ? deps.users.userForSession(id) : null;
  };

  const auth = {
    sessionId,

    /** The user a session id belongs to now; null once it ended (logout, expiry, user disabled). */
    userOfSession: (id: string): Promise<User | null> => deps.users.userForSession(id),

    /** When a session ends by itself (ISO time); null when there is no such session. */
    sessionExpiresAt: (id: string): Promise<string | null> => deps.users.sessionExpiresAt(id),

    async requireUser(req: Request): Promise<User> {
      const user = await sessionUser(req);
      if (user?.role === 'supervisor' && supervisorMayNot(req)) throw forbidden(text('auth.supervisorReadOnly'));
      // An expert works in the cases they are invited to; opening one of their own would be a case nobody routed.
      if (user?.role === 'expert' && req.method === 'POST' && /^\/api\/cases\/?(\?|$)/.test(routedPath(req))) throw forbidden(text('auth.expertInvitedOnly'));
      if (user) return user;
      if (bearer(req)) throw new HttpError(401, 'login_required', text('auth.loginNotLink'));
      throw new HttpError(401, 'login_required', text('auth.loginFirst'));
    },

    async requireAdmin(req: Request): Promise<User> {
      const user = await auth.requireUser(req);
      if (user.role !== 'admin') throw forbidden(text('auth.adminOnly'));
      return user;
    },

    /** Admins and supervisors: the queue, routing facts and KPIs (not users or settings). */
    async requireSupervisor(req: Request): Promise<User> {
      const user = await auth.requireUser(req);
      if (user.role !== 'admin' && user.role !== 'supervisor') throw forbidden(text('auth.supervisorOnly'));
      return user;
    },

    async requireCustomer(req: Request): Promise<Extract<Principal, { kind: 'customer' }>> {
      const token = bearer(req);
      if (!token) throw new HttpError(401, 'token_required', text('auth.tokenRequired'));
      return deps.cases.authenticateCustomer(token);
    },

    /** A customer's token when a Bearer header is sent, else the session's user. */
    async requirePrincipal(req: Request): Promise<Principal> {
      if (req.headers.authorization) return auth.requireCustomer(req);
      return { kind: 'user', user: await auth.requireUser(req) };
    },

    setSessionCookie(req: Request, res: Response, id: string | null): void {
      res.cookie(SESSION_COOKIE, id ?? '', {
        httpOnly: true,
        sameSite: 'strict',
        secure: req.secure,
        path: '/',
        maxAge: id ? SESSION_TTL_MS : 0,
      });
    },
  };
  return auth;
}

/**
 * The request's path as the routers match it: they ignore case (Express's default), so a rule that
 * reads the path must too, or `/API/CASES/<id>/close` would reach the route its rule refuses.
 */
export const routedPath = (req: Request): string => req.originalUrl.toLowerCase();

const CASE_PATH = /^\/api\/cases(\/|\?|$)/;
/**
 * What a supervisor may still send to a case: peer credentials, to listen in on (or join) its live call;
 * a session's wrap-up, and inviting or removing an expert (after-session-routes.ts); a chat line (to the
 * assessor alone unless they are in the session in full or barged in: chat-service.ts).
 */
const SUPERVISOR_CASE_WRITES = [/^\/api\/cases\/[^/?]+\/(peer|chat)(\?|$)/, /^\/api\/cases\/[^/?]+\/(wrap-up|participants(\/[^/?]+)?)(\?|$)/];

/**
 * Supervisors read every case (CaseService.authorize) but change none: every case route that is not a
 * read is refused at the door, so no service has to tell a read from a write.
 */
function supervisorMayNot(req: Request): boolean {
  if (req.method === 'GET' || req.method === 'HEAD') return false;
  const path = routedPath(req);
  return CASE_PATH.test(path) && !SUPERVISOR_CASE_WRITES.some((allowed) => allowed.test(path));
}

/** A cookie value that is not valid percent-encoding names no session (it is never one we set). */
function decodeCookie(value: string): string | null {
  try {
    return decodeURIComponent(value);
  } catch {
    return null;
  }
}
