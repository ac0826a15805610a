import type { FieldChange } from '../../api/types.ts';
import { useApi } from '../../api/useApi.ts';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { formatAmount, type Language } from '../../format/index.ts';
import { APPLICATION_FIELDS, fieldLabel } from '../../forms/application-form/fields.ts';
import { useLanguage, useMessages } from '../../i18n/language.tsx';

const messages = {
  fr: {
    title: 'Ce qui pourrait changer la décision',
    loading: 'Recherche des changements possibles…',
    granted: 'Le modèle est favorable à votre demande : aucun changement n’est nécessaire.',
    none: 'Aucune baisse du montant ni allongement de la durée ne suffit à obtenir un avis favorable du modèle. Vous pouvez demander un réexamen par une personne.',
    partial: 'Recherche interrompue (temps limité) : il peut exister d’autres possibilités.',
    intro: 'D’après le modèle, l’une de ces demandes modifiées recevrait un avis favorable :',
    changed: 'Ce qui change :',
    empty: 'non renseigné',
    colon: ' : ',
  },
  en: {
    title: 'What could change the decision',
    loading: 'Looking for possible changes…',
    granted: 'The model is in favour of your application: nothing needs to change.',
    none: 'No lower amount or longer term is enough for the model to be in favour. You may request a review by a person.',
    partial: 'Search cut short (time limit): other options may exist.',
    intro:
      'According to the model, either of these changed applications would be viewed favourably:',
    changed: 'What changes:',
    empty: 'not given',
    colon: ': ',
  },
};

/** A changed field's value: amounts as the profile writes them, categories as given. */
function valueText(value: FieldChange['after'], language: Language, empty: string): string {
  if (value === null) return empty;
  return typeof value === 'number' ? `${formatAmount(value, language)} €` : value;
}

/** A changed field's name in words (the form's label), or its column name if no form has it. */
function fieldName(field: string, language: Language): string {
  const known = APPLICATION_FIELDS.find((f) => f.name === field);
  return known ? fieldLabel(known, language) : field;
}

/**
 * What would change the decision (GET /api/clients/:id/recourse): each proposal the API validated,
 * in its own sentence, with every field it changes named, before and after. Read-only: the
 * customer is told, not offered a simulation.
 */
export function WhatWouldChange({ clientId }: { clientId: number }) {
  const t = useMessages(messages);
  const { language } = useLanguage();
  const recourse = useApi(`/api/clients/${clientId}/recourse`);
  const data = recourse.data;
  return (
    <section
      className="card customer-section"
      aria-labelledby="customer-change-title"
      data-testid="customer-recourse"
    >
      <h2 id="customer-change-title">{t.title}</h2>
      {recourse.error ? (
        <ErrorMessage error={recourse.error} onRetry={recourse.reload} />
      ) : !data ? (
        <p aria-busy="true">{t.loading}</p>
      ) : data.decision === 'grant' ? (
        <p>{t.granted}</p>
      ) : data.proposals.length === 0 ? (
        <p>{t.none}</p>
      ) : (
        <>
          <p>{t.intro}</p>
          <ul className="customer-proposals">
            {data.proposals.map((p) => (
              <li key={p.kind} data-testid="customer-proposal" data-kind={p.kind}>
                <p>{language === 'fr' ? p.textFr : p.textEn}</p>
                <p className="customer-muted">{t.changed}</p>
                <ul>
                  {p.changed.map((c) => (
                    <li key={c.field} data-field={c.field}>
                      {fieldName(c.field, language)}
                      {t.colon}
                      {valueText(c.before, language, t.empty)} →{' '}
                      {valueText(c.after, language, t.empty)}
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        </>
      )}
      {data && !data.complete && <p className="customer-muted">{t.partial}</p>}
    </section>
  );
}
