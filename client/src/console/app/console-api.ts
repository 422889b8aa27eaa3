// The console's HTTP calls (session cookie), each response parsed with its shared schema.
import { z } from 'zod';
import {
  CallView,
  CaseCreated,
  CaseDetail,
  CaseView,
  CreateCaseBody,
  EvidenceView,
  ChatLine,
  LedgerEntry,
  MeView,
  OutcomeView,
  PeerCredential,
  User,
  VerifyResult,
  type CallEventBody,
  type ConsoleLanguageBody,
  type ChatBody,
  type LoginBody,
  type OutcomeBody,
} from '../../../../protocol/http.ts';
import { ChannelProposalView, type ChannelProposalBody } from '../../../../protocol/channels.ts';
import type { SupersedeBody } from '../../../../protocol/corrections.ts';
import { AnnotationList, AnnotationView, MeasurementView, type AnnotationBody, type ClearAnnotationsBody, type MeasurementBody } from '../../../../protocol/spatial.ts';
import { TourActivityReceipt, TourAnalytics, type TourActivityBody } from '../../../../protocol/tour-activity.ts';
import { TourList, TourManifest } from '../../../../protocol/tour.ts';
import { apiFetch } from '../../lib/api.ts';
import { UserAdminView, type AssignCaseBody, type CloseCaseBody, type CreateUserBody, type ResetPasswordBody, type UpdateCaseBody } from '../../../../protocol/http.ts';

/** The product's name, the same in every language. */
export const PRODUCT = 'Sightline';

const casePath = (id: string, rest = ''): string => `/api/cases/${encodeURIComponent(id)}${rest}`;
const UserEnvelope = z.object({ user: User });
const CaseEnvelope = z.object({ case: CaseView });
const caseAction = (id: string, action: string, body: unknown = {}) => apiFetch(casePath(id, `/${action}`), CaseEnvelope, { body }).then((r) => r.case);

export const consoleApi = {
  me: () => apiFetch('/api/me', UserEnvelope).then((r) => r.user),
  /** Who is signed in with their console language (null: the browser's). */
  session: () => apiFetch('/api/me', MeView),
  setLanguage: (body: ConsoleLanguageBody) => apiFetch('/api/me/language', MeView, { method: 'PUT', body }),
  login: (body: LoginBody) => apiFetch('/api/auth/login', UserEnvelope, { body }).then((r) => r.user),
  logout: () => apiFetch('/api/auth/logout', z.unknown(), { method: 'POST' }),
  /** `query`: a CaseListQuery as URL search parameters. */
  listCases: (query = '', signal?: AbortSignal) => apiFetch(`/api/cases${query ? `?${query}` : ''}`, z.object({ cases: z.array(CaseView) }), { signal }).then((r) => r.cases),
  updateCase: (id: string, body: UpdateCaseBody) => apiFetch(casePath(id), CaseEnvelope, { method: 'PATCH', body }).then((r) => r.case),
  closeCase: (id: string, body: CloseCaseBody) => caseAction(id, 'close', body),
  reopenCase: (id: string) => caseAction(id, 'reopen'),
  archiveCase: (id: string) => caseAction(id, 'archive'),
  unarchiveCase: (id: string) => caseAction(id, 'unarchive'),
  assignCase: (id: string, body: AssignCaseBody) => caseAction(id, 'assign', body),
  listUsers: () => apiFetch('/api/users', z.object({ users: z.array(UserAdminView) })).then((r) => r.users),
  createUser: (body: z.input<typeof CreateUserBody>) => apiFetch('/api/users', UserEnvelope, { body }).then((r) => r.user),
  disableUser: (id: string) => apiFetch(`/api/users/${encodeURIComponent(id)}/disable`, UserEnvelope, { method: 'POST' }).then((r) => r.user),
  enableUser: (id: string) => apiFetch(`/api/users/${encodeURIComponent(id)}/enable`, UserEnvelope, { method: 'POST' }).then((r) => r.user),
  resetPassword: (id: string, body: ResetPasswordBody) => apiFetch(`/api/users/${encodeURIComponent(id)}/password`, UserEnvelope, { body }).then((r) => r.user),
  createCase: (body: z.input<typeof CreateCaseBody>) => apiFetch('/api/cases', CaseCreated, { body }),
  getCase: (id: string, signal?: AbortSignal) => apiFetch(casePath(id), CaseDetail, { signal }),
  newJoinLink: (id: string) => apiFetch(casePath(id, '/join-link'), CaseCreated, { method: 'POST' }),
  peerCredential: (id: string, signal?: AbortSignal) => apiFetch(casePath(id, '/peer'), PeerCredential, { method: 'POST', signal }),
  reportCall: (id: string, body: CallEventBody, signal?: AbortSignal) => apiFetch(casePath(id, '/calls'), CallView, { body, signal }),
  postChat: (id: string, body: ChatBody) => apiFetch(casePath(id, '/chat'), ChatLine, { body }),
  postOutcome: (id: string, body: OutcomeBody) => apiFetch(casePath(id, '/outcome'), OutcomeView, { body }),
  ledger: (id: string) => apiFetch(casePath(id, '/ledger'), z.object({ entries: z.array(LedgerEntry) })).then((r) => r.entries),
  verify: (id: string) => apiFetch(casePath(id, '/verify'), VerifyResult),
  supersedeEvidence: (id: string, evidenceId: string, body: SupersedeBody) =>
    apiFetch(casePath(id, `/evidence/${encodeURIComponent(evidenceId)}/supersede`), EvidenceView, { body }),
  postAnnotation: (id: string, body: AnnotationBody) => apiFetch(casePath(id, '/annotations'), AnnotationView, { body }),
  /** Answers with the annotations it cleared. */
  clearAnnotations: (id: string, body: ClearAnnotationsBody) => apiFetch(casePath(id, '/annotations/clear'), AnnotationList, { body }).then((r) => r.annotations),
  postMeasurement: (id: string, body: MeasurementBody) => apiFetch(casePath(id, '/measurements'), MeasurementView, { body }),
  /** Stores the assessor's proposal to switch the customer's mode (channel.proposed) before it is asked over the call. */
  proposeChannel: (id: string, body: ChannelProposalBody) => apiFetch(casePath(id, '/channel-proposals'), z.object({ proposal: ChannelProposalView }), { body }).then((r) => r.proposal),
  listTours: () => apiFetch('/api/tours', TourList).then((r) => r.tours),
  tourAnalytics: (tourId: string) => apiFetch(`/api/tours/${encodeURIComponent(tourId)}/analytics`, TourAnalytics),
  /** What the agent did on a guided tour; `keepalive` lets a last batch outlive the page. */
  postTourActivity: (id: string, body: TourActivityBody, keepalive = false) =>
    apiFetch(casePath(id, '/tour-activity'), TourActivityReceipt, { body, keepalive, signal: AbortSignal.timeout(10_000) }),
  tourManifest: (tourId: string) => apiFetch(`/tours/${encodeURIComponent(tourId)}/tour.json`, TourManifest),
};

