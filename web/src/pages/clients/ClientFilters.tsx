import { useRef, useState } from 'react';
import { useCategories } from '../../api/categories.tsx';
import { useLanguage, useMessages } from '../../i18n/language.tsx';
import {
  type ClientQuery,
  FILTER_COLUMNS,
  type FilterKey,
  LIMITS,
  withFilter,
} from './client-query.ts';
import { messages } from './messages.ts';
import { NumberFilter } from './NumberFilter.tsx';
import { clearClients, showClients } from './navigation.ts';

const TEST_IDS: Record<FilterKey, string> = {
  search: 'client-id-search',
  contractType: 'filter-contract',
  gender: 'filter-gender',
  incomeType: 'filter-income-type',
  ageMin: 'filter-age-min',
  ageMax: 'filter-age-max',
  decision: 'filter-decision',
  pointsMin: 'filter-score-min',
  pointsMax: 'filter-score-max',
};

/**
 * The filter form: contract type, gender, income type and the model's decision as selects, age
 * and score ranges as whole numbers. Each change goes to the URL (from the first page); a range
 * whose minimum would pass its maximum is not sent but said.
 */
export function ClientFilters({ q }: { q: ClientQuery }) {
  const t = useMessages(messages);
  const { language } = useLanguage();
  const categories = useCategories();
  // Number fields commit after a pause: they must build on the state of then, not of their render.
  const latest = useRef(q);
  latest.current = q;
  const set = (key: FilterKey, value: string | number | undefined) =>
    showClients(withFilter(latest.current, key, value));
  const [crossed, setCrossed] = useState<'age' | 'points' | null>(null);

  // A bound that would cross its pair is not sent (the API would refuse it): say so instead.
  const setBound = (pair: 'age' | 'points', key: FilterKey, value: number | undefined) => {
    const now = latest.current;
    const min = key.endsWith('Min') ? value : (now[`${pair}Min`] as number | undefined);
    const max = key.endsWith('Max') ? value : (now[`${pair}Max`] as number | undefined);
    if (min !== undefined && max !== undefined && min > max) {
      setCrossed(pair);
      return;
    }
    setCrossed(null);
    set(key, value);
  };

  const select = (key: FilterKey, label: string, options: [string, string][], any: string) => (
    <div className="clients-select-filter">
      <label htmlFor={`filter-${key}`}>{label}</label>
      <select
        id={`filter-${key}`}
        data-testid={TEST_IDS[key]}
        value={(q[key] as string | undefined) ?? ''}
        onChange={(e) => set(key, e.target.value)}
      >
        <option value="">{any}</option>
        {options.map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );
  const choices = (key: keyof typeof FILTER_COLUMNS) =>
    categories.choices(FILTER_COLUMNS[key], language, q[key]);

  return (
    <fieldset className="card clients-filters">
      <legend>{t.filters}</legend>
      <div className="clients-filters-grid">
        {select('contractType', t.contract, choices('contractType'), t.any)}
        {select('gender', t.gender, choices('gender'), t.any)}
        {select('incomeType', t.incomeType, choices('incomeType'), t.any)}
        {select(
          'decision',
          t.decision,
          [
            ['grant', t.grant],
            ['refuse', t.refuse],
          ],
          t.anyDecision,
        )}
        <NumberFilter
          label={t.ageMin}
          testId="filter-age-min"
          value={q.ageMin}
          {...LIMITS.age}
          invalidText={t.ageInvalid}
          onCommit={(v) => setBound('age', 'ageMin', v)}
          pairError={crossed === 'age' ? t.crossed : null}
        />
        <NumberFilter
          label={t.ageMax}
          testId="filter-age-max"
          value={q.ageMax}
          {...LIMITS.age}
          invalidText={t.ageInvalid}
          onCommit={(v) => setBound('age', 'ageMax', v)}
        />
        <NumberFilter
          label={t.scoreMin}
          testId="filter-score-min"
          value={q.pointsMin}
          {...LIMITS.points}
          invalidText={t.scoreInvalid}
          onCommit={(v) => setBound('points', 'pointsMin', v)}
          pairError={crossed === 'points' ? t.crossed : null}
        />
        <NumberFilter
          label={t.scoreMax}
          testId="filter-score-max"
          value={q.pointsMax}
          {...LIMITS.points}
          invalidText={t.scoreInvalid}
          onCommit={(v) => setBound('points', 'pointsMax', v)}
        />
      </div>
      <button type="button" onClick={clearClients}>
        {t.clear}
      </button>
    </fieldset>
  );
}
