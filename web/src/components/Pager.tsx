import type { ReactNode } from 'react';
import './Pager.css';

/**
 * Previous / page info / next under a paged table. `testId` prefixes the parts
 * (`${testId}-prev`, `${testId}-info`, `${testId}-next`).
 */
export function Pager(props: {
  page: number;
  pages: number;
  info: ReactNode;
  labels: { pages: string; prev: string; next: string };
  onGo: (page: number) => void;
  testId: string;
}) {
  const { page, pages, labels, onGo, testId } = props;
  return (
    <nav className="pager" aria-label={labels.pages}>
      <button
        type="button"
        data-testid={`${testId}-prev`}
        disabled={page <= 1}
        onClick={() => onGo(Math.min(page - 1, pages))}
      >
        ← {labels.prev}
      </button>
      <span data-testid={`${testId}-info`}>{props.info}</span>
      <button
        type="button"
        data-testid={`${testId}-next`}
        disabled={page >= pages}
        onClick={() => onGo(page + 1)}
      >
        {labels.next} →
      </button>
    </nav>
  );
}
