import { useApi } from '../../api/useApi.ts';
import { ComparePanel } from '../../client/ComparePanel.tsx';
import { ReasonsPanel } from '../../client/ReasonsPanel.tsx';
import { useMessages } from '../../i18n/language.tsx';
import { DecisionInWords } from './DecisionInWords.tsx';
import { LetterAndData } from './LetterAndData.tsx';
import { ReviewForm } from './ReviewForm.tsx';
import { ReviewList } from './ReviewList.tsx';
import { RightsSection } from './RightsSection.tsx';
import { WhatWouldChange } from './WhatWouldChange.tsx';
import './CustomerSpacePage.css';

const messages = {
  fr: {
    title: 'Mon espace',
    intro:
      'Votre demande de crédit, la décision et ses raisons, vos documents, et comment demander qu’une personne réexamine votre dossier.',
    file: (id: number) => `Dossier n° ${id}`,
  },
  en: {
    title: 'My space',
    intro:
      'Your credit application, the decision and its reasons, your documents, and how to ask a person to review your file.',
    file: (id: number) => `File no. ${id}`,
  },
};

/**
 * A customer's own page (/me): the decision in words, the reasons that are theirs to understand,
 * what could change it, where they stand against fixed groups, the letter, their data, the human
 * review (request and follow-up) and their rights — one column, read from top to bottom, on a
 * phone as on a desk.
 */
export function CustomerSpacePage({ clientId }: { clientId: number }) {
  const t = useMessages(messages);
  const reviews = useApi(`/api/clients/${clientId}/reviews`);
  return (
    <article className="customer-space" data-testid="customer-space">
      <header>
        <h1>{t.title}</h1>
        <p className="customer-muted">
          <span data-testid="client-id">{t.file(clientId)}</span>
        </p>
        <p>{t.intro}</p>
      </header>
      <DecisionInWords clientId={clientId} />
      <ReasonsPanel clientId={clientId} />
      <WhatWouldChange clientId={clientId} />
      <ComparePanel clientId={clientId} customer />
      <LetterAndData clientId={clientId} />
      <ReviewForm clientId={clientId} onSent={reviews.reload} />
      <ReviewList reviews={reviews} />
      <RightsSection />
    </article>
  );
}
