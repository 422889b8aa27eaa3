// The settlement card of a damage case: the offer form and the offers' history, reloaded on every
// change the console hears about the case (`revision`); a new offer is announced to the customer's page, and
// the notice that says so goes once the offer is no longer open (accepted, declined, replaced, withdrawn, expired).
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PeerMessage } from '../../../../protocol/messages.ts';
import type { CaseOffers, OfferView } from '../../../../protocol/settlement-http.ts';
import { messageOf } from '../../lib/api.ts';
import type { Notify } from '../../ui/banner.tsx';
import { usePendingNotices } from '../../ui/pending-notices.ts';
import { fetchCaseOffers } from './offer-api.ts';
import { OfferForm } from './offer-form.tsx';
import { OfferHistory } from './offer-history.tsx';
import './settlement.css';

const waitsOnCustomer = (offer: OfferView) => offer.state === 'open';

export function OfferCard(props: { caseId: string; revision: number; canWrite: boolean; send: (message: PeerMessage) => boolean; notify: Notify }) {
  const { t } = useTranslation('casework');
  const { caseId, send, notify } = props;
  const [offers, setOffers] = useState<CaseOffers | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback((signal?: AbortSignal) => {
    fetchCaseOffers(caseId, signal).then(
      (loaded) => {
        setOffers(loaded);
        setError(null);
      },
      (e: unknown) => {
        if (!signal?.aborted) setError(messageOf(e));
      },
    );
  }, [caseId]);
  useEffect(() => {
    const controller = new AbortController();
    load(controller.signal);
    return () => controller.abort();
  }, [load, props.revision]);
  const untilAnswered = usePendingNotices(offers?.offers ?? null, waitsOnCustomer);

  const made = (offer: OfferView) => {
    // The customer's page fetches the offer itself; when they are not connected it finds it on their next visit.
    const told = send({ v: 1, type: 'offer-made', offerId: offer.id });
    notify('success', t(told ? 'settlement.sent' : 'settlement.made'), { until: untilAnswered(offer.id) });
    load();
  };

  return (
    <section className="card settlement-card" aria-label={t('settlement.label')} data-testid="settlement-card">
      <h3>{t('settlement.heading')}</h3>
      {error && <p className="muted small" role="alert">{error}</p>}
      {offers && props.canWrite && !offers.offers.some((o) => o.state === 'accepted') && <OfferForm caseId={caseId} readiness={offers.readiness} hasOpenOffer={offers.offers.some((o) => o.state === 'open')} onMade={made} />}
      {offers && <OfferHistory offers={offers.offers} />}
    </section>
  );
}
