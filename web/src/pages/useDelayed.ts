import { useEffect, useState } from 'react';

/**
 * `flag`, but turning true only after it has stayed true for `ms`: a loading indicator that does
 * not flash on answers faster than the eye notices. Turns false at once.
 */
export function useDelayed(flag: boolean, ms = 250): boolean {
  const [shown, setShown] = useState(false);
  useEffect(() => {
    if (!flag) {
      setShown(false);
      return;
    }
    const timer = setTimeout(() => setShown(true), ms);
    return () => clearTimeout(timer);
  }, [flag, ms]);
  return shown;
}
