import { useEffect, useState } from 'react';

/**
 * The width of an element, followed as it changes (ResizeObserver): a chart picks its layout
 * from the room its card has, not from the window (a card in a grid is narrower than the window).
 * Use the returned callback as the element's `ref`; the width is 0 until the element is laid out
 * (and where nothing lays it out, as in a unit test's DOM).
 */
export function useContainerWidth(): [(element: HTMLElement | null) => void, number] {
  const [element, setElement] = useState<HTMLElement | null>(null);
  const [width, setWidth] = useState(0);
  useEffect(() => {
    if (!element) return;
    setWidth(element.clientWidth);
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => setWidth(element.clientWidth));
    observer.observe(element);
    return () => observer.disconnect();
  }, [element]);
  return [setElement, width];
}
