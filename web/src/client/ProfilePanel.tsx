import { useId, useMemo, useState } from 'react';
import type { FileSection } from '../api/types.ts';
import { useApi } from '../api/useApi.ts';
import { useUser } from '../auth/session.tsx';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { plural } from '../format/index.ts';
import { useLanguage, useMessages } from '../i18n/language.tsx';
import { type FactRow, isMissing, oneRowPerFact } from './profile/facts.ts';
import { useHiddenSections } from './profile/hidden-sections.ts';
import { labelOf, visibleSections } from './profile/profile-filter.ts';
import { fileValueText, rowLabel } from './value-text.ts';
import './ProfilePanel.css';

const messages = {
  fr: {
    title: 'Profil du client',
    titleCustomer: 'Les informations de votre dossier',
    loading: 'Chargement du dossier…',
    filter: 'Filtrer les informations',
    filterHint: 'par exemple « revenu », « retard », « logement »',
    sections: 'Sections affichées',
    count: (n: number) => `${n} ${plural(n, 'fr', { one: 'information', other: 'informations' })}`,
    noMatch: (q: string) => `Aucune information ne correspond à « ${q} ».`,
    noSection: 'Aucune section choisie : cochez-en une ci-dessus.',
    more: (n: number) => `Afficher les ${n} autres informations`,
    less: 'Réduire',
    showMissing: (n: number) =>
      plural(n, 'fr', {
        one: 'Afficher la valeur non renseignée',
        other: `Afficher les ${n} valeurs non renseignées`,
      }),
    hideMissing: (n: number): string =>
      plural(n, 'fr', {
        one: 'Masquer la valeur non renseignée',
        other: 'Masquer les valeurs non renseignées',
      }),
    allMissing: (n: number) =>
      plural(n, 'fr', {
        one: "L'information de cette section n'est pas renseignée.",
        other: `Aucune des ${n} informations de cette section n'est renseignée.`,
      }),
  },
  en: {
    title: "Client's profile",
    titleCustomer: 'The information in your file',
    loading: 'Loading the file…',
    filter: 'Filter the information',
    filterHint: 'for example "income", "delay", "housing"',
    sections: 'Sections shown',
    count: (n: number) => `${n} ${plural(n, 'en', { one: 'item', other: 'items' })}`,
    noMatch: (q: string) => `Nothing matches "${q}".`,
    noSection: 'No section chosen: tick one above.',
    more: (n: number) => `Show the ${n} other items`,
    less: 'Show fewer',
    showMissing: (n: number) =>
      plural(n, 'en', {
        one: 'Show the value not provided',
        other: `Show the ${n} values not provided`,
      }),
    hideMissing: (n: number): string =>
      plural(n, 'en', {
        one: 'Hide the value not provided',
        other: 'Hide the values not provided',
      }),
    allMissing: (n: number) =>
      plural(n, 'en', {
        one: 'The item in this section is not provided.',
        other: `None of the ${n} items in this section is provided.`,
      }),
  },
};

/**
 * The client's descriptive file in the API's sections, one row per fact (duplicated columns folded,
 * profile/facts.ts), each value with its label and unit in the chosen language. Values not provided
 * wait behind a button per section; a text filter narrows the fields across sections (missing ones
 * included), and the sections shown are chosen with checkboxes (remembered on this browser).
 */
export function ProfilePanel({ clientId }: { clientId: number }) {
  const t = useMessages(messages);
  const { language } = useLanguage();
  const customer = useUser().role === 'customer';
  const file = useApi(`/api/clients/${clientId}`);
  const sections = useMemo(
    () => file.data?.sections.map((s) => ({ ...s, values: oneRowPerFact(s.values) })) ?? [],
    [file.data],
  );
  const [query, setQuery] = useState('');
  const [hidden, setHidden] = useHiddenSections();
  const filterId = useId();
  const title = customer ? t.titleCustomer : t.title;

  if (file.error) {
    return (
      <section className="card profile-panel" aria-label={title}>
        <h2>{title}</h2>
        <ErrorMessage error={file.error} onRetry={file.reload} />
      </section>
    );
  }
  if (!file.data) {
    return (
      <section className="card profile-panel" aria-label={title} aria-busy="true">
        <h2>{title}</h2>
        <p>{t.loading}</p>
      </section>
    );
  }

  const shown = visibleSections(sections, { query, hidden, language });
  const allHidden = sections.every((s) => hidden.has(s.key));
  return (
    <section className="card profile-panel" aria-label={title}>
      <h2>{title}</h2>
      <div className="profile-controls">
        <div className="profile-filter">
          <label htmlFor={filterId}>{t.filter}</label>
          <input
            id={filterId}
            type="search"
            data-testid="profile-filter"
            value={query}
            placeholder={t.filterHint}
            onChange={(event) => setQuery(event.target.value)}
          />
        </div>
        <fieldset className="profile-section-choice">
          <legend>{t.sections}</legend>
          {sections.map((s) => (
            <label key={s.key}>
              <input
                type="checkbox"
                data-testid={`profile-toggle-${s.key}`}
                checked={!hidden.has(s.key)}
                onChange={(event) => setHidden(s.key, !event.target.checked)}
              />{' '}
              {labelOf(s, language)}
            </label>
          ))}
        </fieldset>
      </div>
      {shown.length === 0 && (
        <p className="profile-empty" role="status">
          {allHidden ? t.noSection : t.noMatch(query)}
        </p>
      )}
      <div className="profile-sections">
        {shown.map(({ section, values }) => (
          <ProfileSection
            key={section.key}
            section={section}
            values={values}
            // A filter shows every match, missing or not; otherwise a section opens on its first
            // filled values.
            filtered={query.trim() !== ''}
          />
        ))}
      </div>
    </section>
  );
}

/** Fields shown before "show the others": the file has ≈ 470 fields, most sections dozens. */
const PREVIEW = 12;

function ProfileSection(props: { section: FileSection; values: FactRow[]; filtered: boolean }) {
  const t = useMessages(messages);
  const { language } = useLanguage();
  const { section, values, filtered } = props;
  const [expanded, setExpanded] = useState(false);
  const [showMissing, setShowMissing] = useState(false);
  const filled = filtered ? values : values.filter((v) => !isMissing(v));
  const missing = filtered ? [] : values.filter(isMissing);
  const long = !filtered && filled.length > PREVIEW + 2;
  const rows = [
    ...(long && !expanded ? filled.slice(0, PREVIEW) : filled),
    ...(showMissing ? missing : []),
  ];
  const listId = `profile-${section.key}-fields`;
  return (
    <section
      className="profile-section"
      data-testid="profile-section"
      data-section={section.key}
      aria-labelledby={`profile-${section.key}`}
    >
      <h3 id={`profile-${section.key}`}>
        {labelOf(section, language)} <span className="profile-count">{t.count(values.length)}</span>
      </h3>
      {filled.length === 0 && missing.length > 0 && (
        <p className="profile-all-missing">{t.allMissing(missing.length)}</p>
      )}
      <dl id={listId}>
        {rows.map((v) => (
          <div key={v.name} className="profile-field" data-field={v.name}>
            <dt>{rowLabel(labelOf(v, language), v.unit)}</dt>
            <dd className={isMissing(v) ? 'is-missing' : undefined}>
              {fileValueText(v, language)}
            </dd>
          </div>
        ))}
      </dl>
      <div className="profile-buttons">
        {long && (
          <button
            type="button"
            className="profile-more"
            aria-expanded={expanded}
            aria-controls={listId}
            onClick={() => setExpanded(!expanded)}
          >
            {expanded ? t.less : t.more(filled.length - PREVIEW)}
          </button>
        )}
        {missing.length > 0 && (
          <button
            type="button"
            className="profile-more"
            data-testid="profile-missing-toggle"
            aria-expanded={showMissing}
            aria-controls={listId}
            onClick={() => setShowMissing(!showMissing)}
          >
            {showMissing ? t.hideMissing(missing.length) : t.showMissing(missing.length)}
          </button>
        )}
      </div>
    </section>
  );
}
