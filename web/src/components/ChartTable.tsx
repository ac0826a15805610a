import type { ReactNode } from 'react';
import { useMessages } from '../i18n/language.tsx';

const messages = {
  fr: { show: 'Voir les chiffres' },
  en: { show: 'Show the numbers' },
};

/**
 * A table behind a disclosure: the numbers behind a chart (the default summary says so), or any
 * detail table a keyboard or screen-reader user can reach on demand.
 */
export function ChartTable(props: {
  caption?: string;
  /** The disclosure's text; "Voir les chiffres" / "Show the numbers" by default. */
  summary?: string;
  columns: readonly string[];
  rows: ReactNode[][];
  testId?: string;
}) {
  const t = useMessages(messages);
  return (
    <details className="chart-table" data-testid={props.testId}>
      <summary>{props.summary ?? t.show}</summary>
      <table>
        {props.caption && <caption>{props.caption}</caption>}
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
