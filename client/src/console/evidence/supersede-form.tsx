// "Mark as superseded…": a reason (required) and, optionally, the photo of the case that replaces it.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { EvidenceView } from '../../../../protocol/http.ts';
import { messageOf } from '../../lib/api.ts';
import { Banner } from '../../ui/banner.tsx';
import { formatTime } from '../../ui/format.ts';
import { consoleApi } from '../app/console-api.ts';

export function SupersedeForm(props: {
  evidence: EvidenceView;
  candidates: EvidenceView[];
  numbers: Map<string, number>;
  onDone: (updated: EvidenceView) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation('casework');
  const { evidence, candidates, numbers } = props;
  const [reason, setReason] = useState('');
  const [replacedBy, setReplacedBy] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  function submit(event: FormEvent): void {
    event.preventDefault();
    const text = reason.trim();
    if (!text) {
      setError(t('supersede.needReason'));
      return;
    }
    setBusy(true);
    setError(null);
    consoleApi
      .supersedeEvidence(evidence.caseId, evidence.id, { reason: text, ...(replacedBy ? { replacedBy } : {}) })
      .then(props.onDone, (e: unknown) => setError(messageOf(e)))
      .finally(() => setBusy(false));
  }

  return (
    <form className="supersede-form" data-testid="supersede-form" onSubmit={submit} noValidate>
      <div className="field">
        <label htmlFor="supersede-reason">{t('supersede.reason')}</label>
        <textarea id="supersede-reason" data-testid="supersede-reason" maxLength={500} required value={reason} onChange={(e) => setReason(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor="supersede-replaced-by">{t('supersede.replacedBy')}</label>
        <select id="supersede-replaced-by" data-testid="supersede-replaced-by" value={replacedBy} onChange={(e) => setReplacedBy(e.target.value)}>
          <option value="">{t('supersede.noReplacement')}</option>
          {candidates.map((c) => (
            <option key={c.id} value={c.id}>
              {t('supersede.option', { number: numbers.get(c.id), time: formatTime(c.receivedAt) })}
            </option>
          ))}
        </select>
      </div>
      {error && <Banner tone="error" testId="supersede-error">{error}</Banner>}
      <div className="row-end">
        <button type="button" className="btn btn-small" onClick={props.onCancel} disabled={busy}>
          {t('supersede.cancel')}
        </button>
        <button type="submit" className="btn btn-danger btn-small" data-testid="supersede-submit" disabled={busy}>
          {t(busy ? 'supersede.saving' : 'supersede.submit')}
        </button>
      </div>
    </form>
  );
}
