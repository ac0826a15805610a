import { useState } from 'react';

const STORAGE_KEY = 'creditlens.profile.hiddenSections';

/**
 * The profile sections the adviser chose to hide, remembered in localStorage. Hidden ones are
 * stored (not shown ones), so a section the API adds later appears by default.
 */
export function useHiddenSections(): [ReadonlySet<string>, (key: string, hide: boolean) => void] {
  const [hidden, setHidden] = useState<ReadonlySet<string>>(read);
  const toggle = (key: string, hide: boolean) => {
    setHidden((current) => {
      const next = new Set(current);
      if (hide) next.add(key);
      else next.delete(key);
      try {
        localStorage.setItem(STORAGE_KEY, JSON.stringify([...next]));
      } catch {
        // Not remembered (storage refused); still applied.
      }
      return next;
    });
  };
  return [hidden, toggle];
}

function read(): ReadonlySet<string> {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '[]');
    return new Set(Array.isArray(parsed) ? parsed.filter((k) => typeof k === 'string') : []);
  } catch {
    return new Set();
  }
}
