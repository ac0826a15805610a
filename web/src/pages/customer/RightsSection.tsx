import { useMessages } from '../../i18n/language.tsx';

const messages = {
  fr: {
    title: 'Vos droits',
    intro:
      'Votre demande a été évaluée en partie par un traitement automatisé. La directive européenne sur le crédit aux consommateurs (2023/2225, article 18) et le RGPD vous donnent le droit :',
    rights: [
      [
        'd’obtenir une explication',
        ' claire et compréhensible de l’évaluation : cette page et la lettre ci-dessus ;',
      ],
      [
        'd’obtenir l’intervention d’une personne',
        ' : un conseiller réexamine votre dossier si vous le demandez ;',
      ],
      [
        'd’exprimer votre point de vue',
        ', et de nous signaler une information inexacte, dans la demande de réexamen ;',
      ],
      [
        'de contester la décision',
        ' : la demande de réexamen est aussi le moyen de la contester ;',
      ],
      [
        'd’accéder à vos données et de les emporter',
        ' (RGPD, articles 15 et 20) : « Mes données » ci-dessus.',
      ],
    ],
  },
  en: {
    title: 'Your rights',
    intro:
      'Your application was assessed partly by automated processing. The EU Consumer Credit Directive (2023/2225, Article 18) and the GDPR give you the right:',
    rights: [
      [
        'to obtain an explanation',
        ' of the assessment, clear and comprehensible: this page and the letter above;',
      ],
      ['to obtain human intervention', ': an adviser reviews your file if you ask;'],
      [
        'to express your point of view',
        ', and to tell us about inaccurate information, in the review request;',
      ],
      ['to contest the decision', ': the review request is also how to contest it;'],
      ['to access your data and take it with you', ' (GDPR, Articles 15 and 20): “My data” above.'],
    ],
  },
};

/**
 * The client's rights in a few lines, each saying where on the page it is exercised (each line's
 * second part carries its own leading space or punctuation, French and English differ).
 */
export function RightsSection() {
  const t = useMessages(messages);
  return (
    <section
      className="card customer-section"
      aria-labelledby="customer-rights-title"
      data-testid="customer-rights"
    >
      <h2 id="customer-rights-title">{t.title}</h2>
      <p>{t.intro}</p>
      <ul>
        {t.rights.map(([right, how]) => (
          <li key={right}>
            <strong>{right}</strong>
            {how}
          </li>
        ))}
      </ul>
    </section>
  );
}
