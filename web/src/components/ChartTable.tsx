import type { ReactNode } from 'react';
import { useMessages } from '../i18n/language.tsx';

const messages = {
  fr: { show: 'Voir les chiffres' },
  en: { show: 'Show the numbers' },
};

/** The numbers behind a chart, as a table a keyboard or screen-reader user can reach. */
export function ChartTable(props: {
  caption: string;
  columns: string[];
  rows: ReactNode[][];
  testId?: string;
}) {
  const t = useMessages(messages);
  return (
    <details className="chart-table" data-testid={props.testId}>
      <summary>{t.show}</summary>
      <table>
        <caption>{props.caption}</caption>
        <thead>
          <tr>
            {props.columns.map((c) => (
              <th key={c} scope="col">
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {props.rows.map((row, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity beyond position.
            <tr key={i}>
              {row.map((cell, j) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: cells are positional.
                <td key={j}>{cell}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
