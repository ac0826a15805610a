import { useLanguage } from '../i18n/language.tsx';

/**
 * A button naming the other language in that language ("English" / "Français"), so a person who
 * reads only that one finds it; the choice is remembered (see LanguageProvider).
 */
export function LanguageSwitch({ className }: { className?: string }) {
  const { language, setLanguage } = useLanguage();
  const other = language === 'fr' ? 'en' : 'fr';
  return (
    <button
      type="button"
      className={className}
      data-testid="language-switch"
      lang={other}
      onClick={() => setLanguage(other)}
    >
      {other === 'en' ? 'English' : 'Français'}
    </button>
  );
}
