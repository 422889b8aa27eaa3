// What the document's machine-readable zone says, field by field, each check digit's verdict in words.
import type { MrzReading } from '../../../../protocol/identity.ts';
import { mrzRows, mrzSummary, VERDICT_WORDS } from './identity-words.ts';

export function IdentityMrz(props: { mrz: MrzReading | null }) {
  const today = new Date().toISOString().slice(0, 10);
  return (
    <div className="identity-mrz" data-testid="identity-mrz" data-valid={props.mrz?.valid ?? 'none'}>
      {props.mrz && (
        <table>
          <tbody>
            {mrzRows(props.mrz, today).map((row) => (
              <tr key={row.label} data-testid={`mrz-${row.field}`}>
                <th scope="row">{row.label}</th>
                <td>
                  {row.value}
                  {row.note && <strong className="identity-bad"> ({row.note})</strong>}
                </td>
                <td className={row.check === 'invalid' ? 'identity-bad' : row.check === 'valid' ? 'identity-ok' : ''}>{row.check ? VERDICT_WORDS[row.check] : ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p className="small" data-testid="identity-mrz-summary">{mrzSummary(props.mrz)}</p>
    </div>
  );
}
