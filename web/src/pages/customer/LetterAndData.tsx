import { useLanguage, useMessages } from '../../i18n/language.tsx';

const messages = {
  fr: {
    letterTitle: 'Votre lettre d’explication',
    letterIntro:
      'La décision, ses principales raisons, ce qui pourrait la changer et vos droits, dans une lettre à conserver.',
    html: 'Ouvrir la lettre',
    pdf: 'Télécharger la lettre (PDF)',
    newWindow: '(nouvelle fenêtre)',
    dataTitle: 'Mes données',
    dataIntro:
      'Tout ce que nous détenons sur vous : votre demande, l’historique résumé, les scores, les décisions et vos demandes de réexamen.',
    json: 'Télécharger (JSON)',
    csv: 'Télécharger (CSV, tableur)',
  },
  en: {
    letterTitle: 'Your explanation letter',
    letterIntro:
      'The decision, its main reasons, what could change it and your rights, in a letter to keep.',
    html: 'Open the letter',
    pdf: 'Download the letter (PDF)',
    newWindow: '(new window)',
    dataTitle: 'My data',
    dataIntro:
      'Everything we hold about you: your application, the summarised history, the scores, the decisions and your review requests.',
    json: 'Download (JSON)',
    csv: 'Download (CSV, spreadsheet)',
  },
};

/**
 * The letter (GET /api/clients/:id/letter, HTML or PDF, in the page's language) and the client's
 * data (GET /api/clients/:id/data, JSON or CSV): plain links, so the browser opens or saves what
 * the API sends with the session cookie.
 */
export function LetterAndData({ clientId }: { clientId: number }) {
  const t = useMessages(messages);
  const { language } = useLanguage();
  const letter = `/api/clients/${clientId}/letter`;
  const data = `/api/clients/${clientId}/data`;
  return (
    <>
      <section className="card customer-section" aria-labelledby="customer-letter-title">
        <h2 id="customer-letter-title">{t.letterTitle}</h2>
        <p>{t.letterIntro}</p>
        <p className="customer-actions">
          <a
            className="customer-button"
            href={`${letter}?lang=${language}`}
            target="_blank"
            rel="noopener"
            data-testid="letter-html"
          >
            {t.html} <span className="visually-hidden">{t.newWindow}</span>
          </a>
          <a
            className="customer-button"
            href={`${letter}?format=pdf&lang=${language}`}
            download
            data-testid="letter-pdf"
          >
            {t.pdf}
          </a>
        </p>
      </section>
      <section className="card customer-section" aria-labelledby="customer-data-title">
        <h2 id="customer-data-title">{t.dataTitle}</h2>
        <p>{t.dataIntro}</p>
        <p className="customer-actions">
          <a
            className="customer-button"
            href={`${data}?format=json`}
            download
            data-testid="data-json"
          >
            {t.json}
          </a>
          <a
            className="customer-button"
            href={`${data}?format=csv`}
            download
            data-testid="data-csv"
          >
            {t.csv}
          </a>
        </p>
      </section>
    </>
  );
}
