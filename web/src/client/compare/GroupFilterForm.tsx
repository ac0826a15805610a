import { type FormEvent, useState } from 'react';
import { useCategories } from '../../api/categories.tsx';
import type { GroupFilters } from '../../api/types.ts';
import { useLanguage, useMessages } from '../../i18n/language.tsx';

const messages = {
  fr: {
    legend: 'Définir le groupe',
    contract: 'Type de contrat',
    gender: 'Sexe',
    ageMin: 'Âge minimum',
    ageMax: 'Âge maximum',
    income: 'Type de revenu',
    decision: 'Décision du modèle',
    pointsMin: 'Score minimum (points)',
    pointsMax: 'Score maximum (points)',
    any: 'Tous',
    apply: 'Appliquer',
    grant: 'Accordé',
    refuse: 'Refusé',
  },
  en: {
    legend: 'Define the group',
    contract: 'Contract type',
    gender: 'Gender',
    ageMin: 'Minimum age',
    ageMax: 'Maximum age',
    income: 'Income type',
    decision: "Model's decision",
    pointsMin: 'Minimum score (points)',
    pointsMax: 'Maximum score (points)',
    any: 'Any',
    apply: 'Apply',
    grant: 'Granted',
    refuse: 'Refused',
  },
};

type Draft = Record<keyof GroupFilters, string>;

const EMPTY: Draft = {
  contractType: '',
  gender: '',
  incomeType: '',
  ageMin: '',
  ageMax: '',
  decision: '',
  pointsMin: '',
  pointsMax: '',
};

function draftOf(filters: GroupFilters): Draft {
  const draft = { ...EMPTY };
  for (const [key, value] of Object.entries(filters)) {
    if (value !== undefined) draft[key as keyof GroupFilters] = String(value);
  }
  return draft;
}

/** The typed fields as filters: blanks dropped, numbers parsed (the API names a bad one). */
export function filtersOfDraft(draft: Draft): GroupFilters {
  const out: Record<string, string | number> = {};
  for (const [key, raw] of Object.entries(draft)) {
    const text = raw.trim();
    if (text === '') continue;
    const numeric = key.startsWith('age') || key.startsWith('points');
    out[key] = numeric ? Number(text.replace(',', '.')) : text;
  }
  return out as GroupFilters;
}

/**
 * The group of clients to compare with, defined by the search page's filters; applied on submit so
 * a half-typed age range does not fire a request per keystroke.
 */
export function GroupFilterForm(props: {
  value: GroupFilters;
  onApply: (filters: GroupFilters) => void;
}) {
  const t = useMessages(messages);
  const { language } = useLanguage();
  const categories = useCategories();
  const choices = (field: string) => Object.fromEntries(categories.choices(field, language));
  const [draft, setDraft] = useState<Draft>(() => draftOf(props.value));
  const set = (key: keyof GroupFilters) => (event: { target: { value: string } }) =>
    setDraft((d) => ({ ...d, [key]: event.target.value }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    props.onApply(filtersOfDraft(draft));
  };
  const select = (key: keyof GroupFilters, label: string, options: Record<string, string>) => (
    <label>
      {label}
      <select value={draft[key]} onChange={set(key)} data-testid={`compare-filter-${key}`}>
        <option value="">{t.any}</option>
        {Object.entries(options).map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </select>
    </label>
  );
  const number = (key: keyof GroupFilters, label: string) => (
    <label>
      {label}
      <input
        inputMode="numeric"
        value={draft[key]}
        onChange={set(key)}
        data-testid={`compare-filter-${key}`}
      />
    </label>
  );
  return (
    <form className="group-filters" onSubmit={submit}>
      <fieldset>
        <legend>{t.legend}</legend>
        {select('contractType', t.contract, choices('NAME_CONTRACT_TYPE'))}
        {select('gender', t.gender, choices('CODE_GENDER'))}
        {number('ageMin', t.ageMin)}
        {number('ageMax', t.ageMax)}
        {select('incomeType', t.income, choices('NAME_INCOME_TYPE'))}
        {select('decision', t.decision, { grant: t.grant, refuse: t.refuse })}
        {number('pointsMin', t.pointsMin)}
        {number('pointsMax', t.pointsMax)}
        <button type="submit" className="primary" data-testid="compare-filter-apply">
          {t.apply}
        </button>
      </fieldset>
    </form>
  );
}
