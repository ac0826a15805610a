import { ComparePanel } from '../client/ComparePanel.tsx';
import { DecisionPanel } from '../client/DecisionPanel.tsx';
import { ProfilePanel } from '../client/ProfilePanel.tsx';
import { ReasonsPanel } from '../client/ReasonsPanel.tsx';
import { ScorePanel } from '../client/ScorePanel.tsx';
import { WaterfallPanel } from '../client/WaterfallPanel.tsx';
import { WhatIfPanel } from '../client/WhatIfPanel.tsx';
import { useMessages } from '../i18n/language.tsx';
import { Link, navigate } from '../router.tsx';

const messages = {
  fr: {
    title: 'Dossier',
    back: '← Recherche',
    sections: 'Sections du dossier',
    summary: 'Score et raisons',
    profile: 'Profil',
    compare: 'Comparer',
    whatif: 'Simulation',
    decision: 'Décision',
  },
  en: {
    title: 'File',
    back: '← Search',
    sections: 'File sections',
    summary: 'Score and reasons',
    profile: 'Profile',
    compare: 'Compare',
    whatif: 'What if',
    decision: 'Decision',
  },
};

const SECTIONS = ['summary', 'profile', 'compare', 'whatif', 'decision'] as const;
type Section = (typeof SECTIONS)[number];

/**
 * One client's file, for advisers and admins (a customer has their own space, ./customer/): the score and its reasons first (what an adviser shows in the first minute),
 * then the profile, comparisons, what-if simulation and the decision, one tab each; the tab is in
 * the URL (/clients/:id/compare) so a link or a reload opens the same view.
 */
export function ClientPage({ clientId, section }: { clientId: number; section: string | null }) {
  const t = useMessages(messages);
  const current: Section = SECTIONS.includes(section as Section) ? (section as Section) : 'summary';
  const visible = SECTIONS;
  const open = (s: Section) =>
    navigate(s === 'summary' ? `/clients/${clientId}` : `/clients/${clientId}/${s}`);

  return (
    <article className="client-page" data-testid="client-page">
      <header className="client-page-header">
        <Link to="/clients">{t.back}</Link>
        <h1>
          {t.title} <span data-testid="client-id">{clientId}</span>
        </h1>
      </header>
      <div role="tablist" aria-label={t.sections} className="tabs">
        {visible.map((s) => (
          <button
            key={s}
            type="button"
            role="tab"
            id={`tab-${s}`}
            aria-selected={s === current}
            aria-controls={`panel-${s}`}
            tabIndex={s === current ? 0 : -1}
            data-testid={`tab-${s}`}
            onClick={() => open(s)}
            onKeyDown={(event) => {
              const i = visible.indexOf(s);
              const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
              if (step === 0) return;
              const next = visible[(i + step + visible.length) % visible.length];
              if (next) {
                open(next);
                document.getElementById(`tab-${next}`)?.focus();
              }
            }}
          >
            {t[s]}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`panel-${current}`} aria-labelledby={`tab-${current}`}>
        {current === 'summary' && (
          <div className="summary-grid">
            <ScorePanel clientId={clientId} />
            <ReasonsPanel clientId={clientId} />
            <WaterfallPanel clientId={clientId} />
          </div>
        )}
        {current === 'profile' && <ProfilePanel clientId={clientId} />}
        {current === 'compare' && <ComparePanel clientId={clientId} customer={false} />}
        {current === 'whatif' && <WhatIfPanel clientId={clientId} />}
        {current === 'decision' && <DecisionPanel clientId={clientId} />}
      </div>
    </article>
  );
}
