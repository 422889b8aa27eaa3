// A settlement offer's items and their amounts, as the customer's sheet and the public receipt show them.
import type { OfferItem } from '../../../protocol/settlement.ts';
import { formatMoney } from './format.ts';
import './offer-items.css';

export function OfferItems(props: { items: readonly OfferItem[]; currency: string }) {
  return (
    <ul className="offer-items">
      {props.items.map((item, i) => (
        <li key={i}>
          <span>{item.description}</span>
          <span>{formatMoney(item.amount, props.currency)}</span>
        </li>
      ))}
    </ul>
  );
}
