// Login, logout, who am I (and the console language each user picks); user management for admins. Ending sessions (logout, disabling a user)
// also ends their live event streams.
import express from 'express';
import { rateLimit, type Store } from 'express-rate-limit';
import { ConsoleLanguageBody, CreateUserBody, LoginBody, ResetPasswordBody, type ConsoleSettings, type MeView, type User, type UserAdminView } from '../../../protocol/http.ts';
import { checkLogin } from '../auth/login.ts';
import { hashPassword } from '../auth/passwords.ts';
import type { UserStore } from '../auth/user-store.ts';
import { HttpError, notFound, text } from '../errors.ts';
import type { EventHub } from '../events/event-hub.ts';
import type { Languages } from '../i18n/languages.ts';
import { SESSION_TTL_MS, type Auth } from './auth.ts';
import { parseInput } from './validate.ts';

/** `loginLimitStore`: where login attempts are counted (Redis, across instances); unset, in this process. */
export function authRoutes(deps: { auth: Auth; users: UserStore; hub: EventHub; loginLimitPer15Min: number; loginLimitStore?: Store | null; openCases: () => Promise<Map<string, number>>; consoleSettings: () => ConsoleSettings; languages: Languages }): express.Router {
  const { auth, users, hub } = deps;
  const me = async (user: User): Promise<MeView> => ({ user, language: (await users.languageOf(user.id)) ?? null, ...deps.consoleSettings() });
  const router = express.Router();
  const loginLimit = rateLimit({
    windowMs: 15 * 60_000,
    limit: deps.loginLimitPer15Min,
    // Redis unreachable: refuse logins rather than let unlimited guesses through.
    ...(deps.loginLimitStore ? { store: deps.loginLimitStore, passOnStoreError: false } : {}),
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    handler: (_req, _res, next) => next(new HttpError(429, 'too_many_logins', text('auth.tooManyLogins'))),
  });

  router.post('/auth/login', loginLimit, async (req, res) => {
    const body = parseInput(LoginBody, req.body);
    const check = await checkLogin(users, body.email, body.password);
    if (check.outcome === 'disabled') throw new HttpError(403, 'account_disabled', text('auth.accountDisabled'));
    if (check.outcome !== 'ok') throw new HttpError(401, 'bad_credentials', text('auth.badCredentials'));
    const { user } = check;
    const session = await users.startSession(user.id, SESSION_TTL_MS);
    auth.setSessionCookie(req, res, session.sessionId);
    res.json({ user });
  });

  router.post('/auth/logout', async (req, res) => {
    const id = auth.sessionId(req);
    if (id) await users.endSession(id);
    await hub.endStale();
    auth.setSessionCookie(req, res, null);
    res.status(204).end();
  });

  router.get('/me', async (req, res) => {
    res.json(await me(await auth.requireUser(req)));
  });

  /** The caller's own console language, any staff role; null goes back to the browser's. */
  router.put('/me/language', async (req, res) => {
    const user = await auth.requireUser(req);
    const body = parseInput(ConsoleLanguageBody, req.body);
    const language = body.language === null ? null : deps.languages.require(body.language, 'language');
    if (!(await users.setLanguage(user.id, language))) throw notFound('user');
    res.json(await me(user));
  });

  router.get('/users', async (req, res) => {
    await auth.requireAdmin(req);
    const open = await deps.openCases();
    const list: UserAdminView[] = (await users.listWithStatus()).map((u) => ({ ...u, openCases: open.get(u.id) ?? 0 }));
    res.json({ users: list });
  });

  router.post('/users', async (req, res) => {
    await auth.requireAdmin(req);
    const body = parseInput(CreateUserBody, req.body);
    if (await users.byEmail(body.email)) throw new HttpError(409, 'email_taken', text('auth.emailTaken'));
    const user = await users.create({ email: body.email, name: body.name, role: body.role, passwordHash: await hashPassword(body.password) });
    res.status(201).json({ user });
  });

  router.post('/users/:id/disable', async (req, res) => {
    const admin = await auth.requireAdmin(req);
    if (req.params.id === admin.id) throw new HttpError(409, 'cannot_disable_self', text('auth.cannotDisableSelf'));
    const user = await users.setDisabled(req.params.id, true);
    if (!user) throw notFound('user');
    await hub.endStale();
    res.json({ user });
  });

  router.post('/users/:id/enable', async (req, res) => {
    await auth.requireAdmin(req);
    const user = await users.setDisabled(req.params.id, false);
    if (!user) throw notFound('user');
    res.json({ user });
  });

  router.post('/users/:id/password', async (req, res) => {
    const admin = await auth.requireAdmin(req);
    const body = parseInput(ResetPasswordBody, req.body);
    // Resetting one's own password here would end one's own sessions: change it with another admin.
    if (req.params.id === admin.id) throw new HttpError(409, 'cannot_reset_self', text('auth.cannotResetSelf'));
    if (!(await users.byId(req.params.id))) throw notFound('user');
    const user = await users.setPassword(req.params.id, await hashPassword(body.password));
    if (!user) throw notFound('user');
    await hub.endStale();
    res.json({ user });
  });

  return router;
}
