/**
 * French first, English available. Each component keeps its own messages beside its code
 * (`const messages = { fr: {...}, en: {...} }`), so both languages are edited together and the
 * type system checks that English has every French key.
 */
import { createContext, type ReactNode, useContext, useMemo, useState } from 'react';

export type Language = 'fr' | 'en';

const STORAGE_KEY = 'creditlens.language';

interface LanguageState {
  language: Language;
  setLanguage: (language: Language) => void;
}

const LanguageContext = createContext<LanguageState>({ language: 'fr', setLanguage: () => {} });

function initialLanguage(): Language {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    if (stored === 'fr' || stored === 'en') return stored;
  } catch {
    // Storage refused (private mode): French.
  }
  return 'fr';
}

export function LanguageProvider({ children }: { children: ReactNode }) {
  const [language, setLanguageState] = useState<Language>(initialLanguage);
  const value = useMemo<LanguageState>(
    () => ({
      language,
      setLanguage: (next) => {
        setLanguageState(next);
        document.documentElement.lang = next;
        try {
          localStorage.setItem(STORAGE_KEY, next);
        } catch {
          // Not remembered; still switched.
        }
      },
    }),
    [language],
  );
  return <LanguageContext.Provider value={value}>{children}</LanguageContext.Provider>;
}

export function useLanguage(): LanguageState {
  return useContext(LanguageContext);
}

/** A component's messages in the current language. English must have every French key. */
export function useMessages<M extends Record<string, unknown>>(messages: {
  fr: M;
  en: { [K in keyof M]: M[K] };
}): M {
  const { language } = useLanguage();
  return messages[language] as M;
}
