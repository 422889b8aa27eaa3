// The case's languages on its page: the one the customer's page is in (live, as their page reports it)
// and the one chosen at creation. Nothing when neither is known.
import { Trans, useTranslation } from 'react-i18next';
import type { CaseView } from '../../../../protocol/http.ts';
import { languageName } from '../../ui/language-name.ts';

export function CaseLanguages(props: { c: Pick<CaseView, 'language' | 'customerLanguage'> }) {
  const { t } = useTranslation('console');
  const { language, customerLanguage } = props.c;
  if (!language && !customerLanguage) return null;
  return (
    <div className="muted small" data-testid="case-languages">
      {customerLanguage && (
        <span data-testid="customer-language">
          <Trans t={t} i18nKey="case.customerLanguage" values={{ name: languageName(customerLanguage) }} components={{ lang: <span lang={customerLanguage} /> }} />
        </span>
      )}
      {customerLanguage && language && ' · '}
      {language && (
        <span data-testid="case-language">
          <Trans t={t} i18nKey="case.caseLanguage" values={{ name: languageName(language) }} components={{ lang: <span lang={language} /> }} />
        </span>
      )}
    </div>
  );
}
