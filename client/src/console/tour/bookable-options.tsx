// A tour's bookable options as <option>s, each with its list price: the offer form and the preview
// outcome form pick from the same list the same way.
import type { Bookable } from '../../../../protocol/tour.ts';
import { formatMoney } from '../../ui/format.ts';

export function BookableOptions(props: { bookables: readonly Bookable[] }) {
  return props.bookables.map((b) => (
    <option key={b.id} value={b.id}>
      {b.title} · {formatMoney(b.price.amount, b.price.currency)}
      {b.price.per ? ` / ${b.price.per}` : ''}
    </option>
  ));
}
