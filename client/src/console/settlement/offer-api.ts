// The console's settlement calls (session cookie).
import { CaseOffers, OfferView, type OfferBody } from '../../../../protocol/settlement-http.ts';
import { apiFetch } from '../../lib/api.ts';

const offersPath = (caseId: string) => `/api/cases/${encodeURIComponent(caseId)}/offers`;

export const fetchCaseOffers = (caseId: string, signal?: AbortSignal): Promise<CaseOffers> => apiFetch(offersPath(caseId), CaseOffers, { signal });

export const makeOffer = (caseId: string, body: OfferBody): Promise<OfferView> => apiFetch(offersPath(caseId), OfferView, { body });
