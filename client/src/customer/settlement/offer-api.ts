// The customer's settlement calls, authorised by the join token.
import { CustomerOffer, OfferCodeSent, OfferDecided } from '../../../../protocol/settlement-http.ts';
import { apiFetch } from '../../lib/api.ts';

const offerPath = (offerId: string, action: string) => `/api/join/offers/${encodeURIComponent(offerId)}/${action}`;

export const fetchOffer = (token: string, signal?: AbortSignal): Promise<CustomerOffer> => apiFetch('/api/join/offer', CustomerOffer, { token, signal });

export const sendOfferCode = (token: string, offerId: string): Promise<OfferCodeSent> => apiFetch(offerPath(offerId, 'code'), OfferCodeSent, { token, method: 'POST' });

export const acceptOffer = (token: string, offerId: string, code: string | null): Promise<OfferDecided> =>
  apiFetch(offerPath(offerId, 'accept'), OfferDecided, { token, body: code === null ? {} : { code } });

export const declineOffer = (token: string, offerId: string, reason: string): Promise<OfferDecided> =>
  apiFetch(offerPath(offerId, 'decline'), OfferDecided, { token, body: { reason } });
