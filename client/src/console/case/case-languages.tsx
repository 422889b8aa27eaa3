// The case's languages on its page: the one the customer's page is in (live, as their page reports it)
// and the one chosen at creation. Nothing when neither is known.
import type { CaseView } from '../../../../protocol/http.ts';
import { languageName } from '../../ui/language-name.ts';

export function CaseLanguages(props: { c: Pick<CaseView, 'language' | 'customerLanguage'> }) {
  const { language, customerLanguage } = props.c;
  if (!language && !customerLanguage) return null;
  return (
    <div className="muted small" data-testid="case-languages">
      {customerLanguage && (
        <span data-testid="customer-language">
          Customer's language: <span lang={customerLanguage}>{languageName(customerLanguage)}</span>
        </span>
      )}
      {customerLanguage && language && ' · '}
      {language && (
        <span data-testid="case-language">
          Case language: <span lang={language}>{languageName(language)}</span>
        </span>
      )}
    </div>
  );
}
