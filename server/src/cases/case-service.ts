// Cases: creation with a join link, access rules (assessor sees own cases, admin all, customer one),
// join tokens (256-bit, expiring, stored hashed) and customer consent.
import { checklistState, type ChecklistCapture } from '../../../protocol/checklist.ts';
import type { CaseCreated, CaseKind, CaseListQuery, CaseView, ConsentBody, CreateCaseBody, JoinView, LedgerActor, User } from '../../../protocol/http.ts';
import type { FrontDoorView } from '../../../protocol/intake.ts';
import type { Role } from '../../../protocol/http.ts';
import type { Principal } from '../auth/principal.ts';
import { newId, newSecret, secretHash } from '../auth/tokens.ts';
import { localChecklist } from '../checklist/checklist-words.ts';
import { badRequest, forbidden, HttpError, notFound, text } from '../errors.ts';
import type { EventHub } from '../events/event-hub.ts';
import type { LedgerStore } from '../ledger/ledger-store.ts';
import type { Db } from '../storage/database.ts';
import type { Languages } from '../i18n/languages.ts';
import { translators } from '../i18n/translate.ts';
import { isRealDay } from './case-query.ts';
import type { CaseRecord, CaseStore } from './case-store.ts';
import type { CasePresenceNow, PresenceTracker } from './presence.ts';
import { linkState, type LinkFacts } from '../links/link-state.ts';
import { messageLanguage } from '../links/message-language.ts';

export interface CaseServiceDeps {
  db: Db;
  cases: CaseStore;
  ledger: LedgerStore;
  presence: PresenceTracker;
  hub: EventHub;
  userExists: (id: string) => Promise<boolean>;
  /** A case's checklist verdicts, oldest first, for the customer's join view. */
  checklistCaptures: (caseId: string) => Promise<ChecklistCapture[]>;
  /** The title of a tour this server offers; null when it offers none by that id. */
  tourTitle: (id: string) => string | null;
  clock: () => Date;
  joinLinkHours: number;
  /** A user's display name; null when there is no such user. */
  userName: (id: string) => Promise<string | null>;
  /** The operator's side of the consent screen (Config.customerNotice). */
  customerNotice: { organisation: string | null; retentionDays: number | null; privacyUrl: string | null };
  /** What is stored about each case's current join link (links/link-store.ts), for one case or a case list at once; a case without one is absent. */
  linkFactsOf: (caseIds: readonly string[]) => Promise<Map<string, Omit<LinkFacts, 'expiresAt'>>>;
  /** Keeps a sealed copy of a new join token, so its link can be shown again (links/link-seal.ts); called in the issuing transaction. */
  sealJoinToken: (tokenId: string, token: string) => Promise<void>;
  /** The role a user was invited to the case as (cases/participants-store.ts); null when not invited. */
  participantRole: (caseId: string, userId: string) => Promise<Role | null>;
  /** What the front door knows of the case for the customer's page (frontdoor/intake); null when it did not come through it. */
  frontDoor?: (caseId: string) => Promise<FrontDoorView | null>;
  /** The languages the pages speak (i18n/languages.ts). */
  languages: Languages;
}

/** A case the front door opens for a customer: nobody's yet, created by no user. */
export interface IntakeCaseInput {
  kind: CaseKind;
  title: string;
  customerName: string | null;
  tour: string | null;
  reference: string;
  /** The intake page's language: the case's, so its join link opens in it (null: the customer's browser decides). */
  language: string | null;
}

/** Who a check admits: the case's own people, or also the experts and supervisors invited to it (read it, chat). */
export type CaseAccess = 'owners' | 'participants';

export type CaseService = ReturnType<typeof createCaseService>;

export function createCaseService(deps: CaseServiceDeps) {
  const { db, cases, ledger, presence, hub, clock } = deps;
  const joinLinkReplaced = new Set<(caseId: string) => Promise<void>>();

  /**
   * `link`: the case's current link's facts when already read (null: it has none); `live`: its presence
   * when already read (a list reads both once for all its cases); each read here when absent.
   */
  const view = async (record: CaseRecord, link?: Omit<LinkFacts, 'expiresAt'> | null, live?: CasePresenceNow): Promise<CaseView> => {
    live ??= await presence.of(record.id);
    if (link === undefined) link = (await deps.linkFactsOf([record.id])).get(record.id) ?? null;
    const facts: LinkFacts = { expiresAt: link ? record.joinExpiresAt : null, openedAt: link?.openedAt ?? null, declinedAt: link?.declinedAt ?? null, consentedAt: link?.consentedAt ?? null };
    return {
      id: record.id,
      kind: record.kind,
      title: record.title,
      customerName: record.customerName,
      assessorId: record.assessorId,
      createdAt: record.createdAt,
      joinExpiresAt: record.joinExpiresAt,
      presence: live.presence,
      customerPeerId: live.customerPeerId,
      evidenceCount: record.evidenceCount,
      decision: record.decision,
      checklist: record.checklist,
      tour: record.tour,
      linkState: linkState(facts, live.presence, clock()),
      linkOpenedAt: facts.openedAt,
      reference: record.reference,
      closedAt: record.closedAt,
      archivedAt: record.archivedAt,
      address: record.address,
      language: record.language,
      customerLanguage: record.customerLanguage,
    };
  };

  /** The tour a customer's page loads; null when the case has none or the server no longer offers it. */
  const joinTour = (tourId: string | null): JoinView['tour'] => {
    const title = tourId === null ? null : deps.tourTitle(tourId);
    return tourId === null || title === null ? null : { id: tourId, title, manifestUrl: `/tours/${tourId}/tour.json` };
  };

  const mustExist = async (caseId: string): Promise<CaseRecord> => {
    const record = await cases.byId(caseId);
    if (!record) throw notFound('case');
    return record;
  };

  const issueToken = async (caseId: string, actor: LedgerActor, joinBase: string, hours = deps.joinLinkHours): Promise<CaseCreated & { tokenId: string }> => {
    const token = newSecret();
    const now = clock();
    const expiresAt = new Date(now.getTime() + hours * 3600_000);
    const tokenId = newId('jt');
    await db.transaction(async () => {
      await cases.replaceJoinToken({ id: tokenId, caseId, tokenHash: secretHash(token), createdAt: now.toISOString(), expiresAt: expiresAt.toISOString() });
      await deps.sealJoinToken(tokenId, token);
      await ledger.append({
        caseId,
        actor,
        type: 'joinlink.issued',
        payload: { tokenId, expiresAt: expiresAt.toISOString() },
      });
    });
    const record = await mustExist(caseId);
    return { case: await view(record), joinUrl: `${joinBase}/j#${token}`, token, tokenId };
  };

  const service = {
    view,

    async publish(caseId: string): Promise<void> {
      const record = await cases.byId(caseId);
      if (record) hub.publish(record.assessorId, { type: 'case', case: await view(record) });
    },

    async create(user: User, body: CreateCaseBody, joinBase: string): Promise<CaseCreated> {
      const assessorId = body.assessorId ?? user.id;
      if (assessorId !== user.id && user.role !== 'admin') throw forbidden(text('case.adminAssigns'));
      if (!(await deps.userExists(assessorId))) throw new HttpError(422, 'unknown_assessor', text('case.unknownAssessor'));
      if (body.tour !== undefined && deps.tourTitle(body.tour) === null) {
        throw new HttpError(422, 'unknown_tour', text('case.unknownTour', { tour: body.tour }));
      }
      const language = body.language === undefined ? null : deps.languages.require(body.language, 'language');
      const id = newId('case');
      const createdAt = clock().toISOString();
      const tour = body.tour ?? null;
      await db.transaction(async () => {
        await cases.insert({ id, kind: body.kind, title: body.title, customerName: body.customerName ?? null, assessorId, createdBy: user.id, createdAt, checklist: body.checklist ?? null, tour, reference: body.reference || null, language });
        await ledger.append({
          caseId: id,
          actor: { type: 'assessor', id: user.id },
          type: 'case.created',
          payload: { kind: body.kind, title: body.title, customerName: body.customerName ?? null, assessorId, checklist: body.checklist ?? null, ...(tour ? { tour } : {}), ...(body.reference ? { reference: body.reference } : {}), ...(language ? { language } : {}) },
        });
      });
      const { tokenId: _tokenId, ...created } = await issueToken(id, { type: 'assessor', id: user.id }, joinBase, body.joinLinkHours);
      hub.publish(assessorId, { type: 'case', case: created.case });
      return created;
    },

    /**
     * Opens a case for a customer at the front door, in the caller's transaction: nobody's until taken
     * from the queue, created by no user, with its join link. Entries are the front door's (system):
     * no one is identified yet when it opens.
     */
    async openFromIntake(input: IntakeCaseInput, joinBase: string): Promise<CaseCreated & { tokenId: string }> {
      if (input.tour !== null && deps.tourTitle(input.tour) === null) {
        throw new HttpError(422, 'unknown_tour', text('case.unknownTour', { tour: input.tour }));
      }
      const id = newId('case');
      const actor: LedgerActor = { type: 'system', id: 'frontdoor' };
      return db.transaction(async () => {
        await cases.insert({ id, kind: input.kind, title: input.title, customerName: input.customerName, assessorId: null, createdBy: null, createdAt: clock().toISOString(), checklist: null, tour: input.tour, reference: input.reference, language: input.language });
        await ledger.append({
          caseId: id, actor, type: 'case.created',
          payload: { kind: input.kind, title: input.title, customerName: input.customerName, assessorId: null, checklist: null, ...(input.tour ? { tour: input.tour } : {}), reference: input.reference, ...(input.language ? { language: input.language } : {}) },
        });
        return issueToken(id, actor, joinBase);
      });
    },

    /**
     * A fresh join link for the customer who proved the case is theirs (a one-time code), in the caller's
     * transaction; the old link stops working. Call `linkReplaced` after the commit to cut its holders off.
     */
    issueForCustomer(caseId: string, joinBase: string): Promise<CaseCreated & { tokenId: string }> {
      return issueToken(caseId, { type: 'system', id: 'frontdoor' }, joinBase);
    },

    async linkReplaced(caseId: string): Promise<void> {
      await Promise.all([...joinLinkReplaced].map((listener) => listener(caseId)));
    },

    /** The cases matching the query, newest first; an assessor only ever sees their own, whatever the query asks. */
    async list(user: User, query: CaseListQuery): Promise<CaseView[]> {
      for (const [name, day] of [['from', query.from], ['to', query.to]] as const) {
        if (day !== undefined && !isRealDay(day)) throw badRequest('invalid_input', text('case.notADay', { name, day }));
      }
      if (query.from && query.to && query.from > query.to) throw badRequest('invalid_input', text('case.fromAfterTo'));
      // An expert sees the cases they are invited to, and nothing else.
      const assessorId = user.role === 'admin' || user.role === 'supervisor' ? query.assessorId : user.id;
      const records = user.role === 'expert'
        ? await cases.search({ ...query, assessorId: undefined, participantId: user.id })
        : await cases.search({ ...query, ...(assessorId ? { assessorId } : {}) });
      const ids = records.map((r) => r.id);
      const [links, live] = await Promise.all([deps.linkFactsOf(ids), presence.ofMany(ids)]);
      return Promise.all(records.map((record) => view(record, links.get(record.id) ?? null, live.get(record.id))));
    },

    /** The case, if the principal may reach it and it still takes new evidence: 409 case_closed once closed. */
    async authorizeWrite(principal: Principal, caseId: string, admit: CaseAccess = 'owners'): Promise<CaseRecord> {
      const record = await service.authorize(principal, caseId, admit);
      if (record.closedAt !== null) throw new HttpError(409, 'case_closed', text('case.closedForEvidence'));
      return record;
    },

    /**
     * The case, if the principal may reach it; 404 when it does not exist, 403 when not theirs. With
     * 'participants', an invited expert or supervisor is admitted too; an expert not invited gets 404.
     */
    async authorize(principal: Principal, caseId: string, admit: CaseAccess = 'owners'): Promise<CaseRecord> {
      if (principal.kind === 'customer') {
        if (principal.caseId !== caseId) throw forbidden(text('link.otherCase'));
        return mustExist(caseId);
      }
      const record = await mustExist(caseId);
      const isExpert = principal.user.role === 'expert';
      const invited = isExpert || admit === 'participants' ? await deps.participantRole(caseId, principal.user.id) : null;
      // An expert learns nothing of a case they are not invited to, not even that it exists.
      if (isExpert && invited === null) throw notFound('case');
      if (admit === 'participants' && invited !== null) return record;
      if (isExpert) throw forbidden(text('case.expertReadOnly'));
      // A supervisor reads every case; auth.ts's requireUser keeps their case writes out.
      if (principal.user.role === 'supervisor') return record;
      if (principal.user.role !== 'admin' && record.assessorId !== principal.user.id) {
        throw forbidden(text('case.notYours'));
      }
      return record;
    },

    async reissueJoinLink(user: User, caseId: string, joinBase: string): Promise<CaseCreated> {
      await service.authorize({ kind: 'user', user }, caseId);
      const { tokenId: _tokenId, ...created } = await issueToken(caseId, { type: 'assessor', id: user.id }, joinBase);
      // The old link's holders are cut off before the case is viewed, so the view no longer names them.
      await Promise.all([...joinLinkReplaced].map((listener) => listener(caseId)));
      return { ...created, case: await view(await mustExist(caseId)) };
    },

    /** Tells `listener` each time a case's join link is replaced; returns the unsubscribe. */
    onJoinLinkReplaced(listener: (caseId: string) => Promise<void>): () => void {
      joinLinkReplaced.add(listener);
      return () => joinLinkReplaced.delete(listener);
    },

    /** Whether a join token of the case still admits its holder: neither replaced nor expired. */
    async joinTokenStands(caseId: string, tokenId: string): Promise<boolean> {
      const record = await cases.tokenById(tokenId);
      if (record === null || record.caseId !== caseId || record.revokedAt !== null || record.expiresAt <= clock().toISOString()) return false;
      // A closed case admits no customer: closing it ends a live call.
      return (await cases.byId(caseId))?.closedAt === null;
    },

    /** Resolves a join token to a customer principal; 401 with the reason when it is not usable. */
    async authenticateCustomer(token: string): Promise<Extract<Principal, { kind: 'customer' }>> {
      const record = await cases.tokenByHash(secretHash(token));
      if (!record) throw new HttpError(401, 'invalid_token', text('link.invalid'));
      if (record.revokedAt) throw new HttpError(401, 'token_revoked', text('link.replaced'));
      if (record.expiresAt <= clock().toISOString()) throw new HttpError(401, 'token_expired', text('link.expired'));
      return { kind: 'customer', caseId: record.caseId, tokenId: record.id, consented: record.consentedAt !== null, locationAllowed: record.locationAllowed };
    },

    async joinView(customer: Extract<Principal, { kind: 'customer' }>): Promise<JoinView> {
      const record = await mustExist(customer.caseId);
      return {
        case: { id: record.id, kind: record.kind, title: record.title, customerName: record.customerName, language: record.language },
        expiresAt: record.joinExpiresAt,
        consented: customer.consented,
        checklist: record.checklist === null ? null : localChecklist(checklistState(record.checklist, await deps.checklistCaptures(record.id)), translators().for(messageLanguage(record))),
        tour: joinTour(record.tour),
        closedAt: record.closedAt,
        notice: { ...deps.customerNotice, assessorName: record.assessorId === null ? null : await deps.userName(record.assessorId) },
        frontDoor: deps.frontDoor ? await deps.frontDoor(record.id) : null,
      };
    },

    /**
     * Records the language the customer's page is now in, for the assessor to see (live, like any case
     * change). A display preference, not a fact of the case: no ledger entry. The same language again changes nothing.
     */
    async setCustomerLanguage(customer: Extract<Principal, { kind: 'customer' }>, tag: string): Promise<void> {
      const language = deps.languages.require(tag, 'language');
      await mustExist(customer.caseId);
      if (await cases.setCustomerLanguage(customer.caseId, language)) await service.publish(customer.caseId);
    },

    async consent(customer: Extract<Principal, { kind: 'customer' }>, body: ConsentBody): Promise<JoinView> {
      const at = clock().toISOString();
      await db.transaction(async () => {
        await cases.recordConsent(customer.tokenId, at, body.location);
        await ledger.append({
          caseId: customer.caseId,
          actor: { type: 'customer', id: customer.tokenId },
          type: 'customer.consented',
          payload: { recording: body.recording, location: body.location },
        });
      });
      // A customer who declined and then agreed is no longer shown as declined.
      await service.publish(customer.caseId);
      return service.joinView({ ...customer, consented: true, locationAllowed: body.location });
    },
  };
  return service;
}
