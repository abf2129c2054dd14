import { useLayoutEffect, useState, type RefObject } from 'react';

/**
 * An element's content size (CSS px), kept current as it resizes (window, panels, rotation).
 * Measured before the first paint: the board culls its notes by this size, and a passive effect
 * let the first frame mount them for a 0×0 view, then mount them all again in a second pass.
 */
export function useElementSize(ref: RefObject<HTMLElement | null>): { width: number; height: number } {
  const [size, setSize] = useState({ width: 0, height: 0 });
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => setSize((s) => (s.width === el.clientWidth && s.height === el.clientHeight ? s : { width: el.clientWidth, height: el.clientHeight }));
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref]);
  return size;
}
