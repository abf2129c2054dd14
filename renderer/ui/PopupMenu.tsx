import { useEffect, useRef, type KeyboardEvent } from 'react';

export interface MenuItem {
  key: string;
  label: string;
  enabled: boolean;
  run: () => void;
}

/**
 * A small menu (a board's, an activity's; WAI-ARIA menu pattern): the first item takes focus, arrows move, Escape or a
 * press outside closes and gives focus back to the button that opened it.
 */
export function PopupMenu({ label, items, anchor, onClose }: { label: string; items: MenuItem[]; anchor: HTMLElement | null; onClose: () => void }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.querySelector<HTMLElement>('[role="menuitem"]:not([aria-disabled="true"])')?.focus({ preventScroll: true });
    const onOutside = (event: PointerEvent) => {
      if (!ref.current?.contains(event.target as Node) && event.target !== anchor) onClose();
    };
    document.addEventListener('pointerdown', onOutside, { capture: true });
    return () => document.removeEventListener('pointerdown', onOutside, { capture: true });
  }, [anchor, onClose]);

  const close = () => {
    onClose();
    anchor?.focus();
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const all = [...(ref.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
    const at = all.indexOf(document.activeElement as HTMLElement);
    const go = (i: number) => all[(i + all.length) % all.length]?.focus();
    if (event.key === 'ArrowDown') go(at + 1);
    else if (event.key === 'ArrowUp') go(at - 1);
    else if (event.key === 'Home') go(0);
    else if (event.key === 'End') go(all.length - 1);
    else if (event.key === 'Escape' || event.key === 'Tab') close();
    else return;
    event.preventDefault();
    event.stopPropagation();
  };
  return (
    <div ref={ref} className="board-menu" role="menu" aria-label={label} onKeyDown={onKeyDown}>
      {items.map((item) => (
        <button
          key={item.key}
          type="button"
          role="menuitem"
          tabIndex={-1}
          aria-disabled={!item.enabled}
          className="board-menu-item"
          onClick={() => {
            if (!item.enabled) return;
            onClose();
            item.run();
          }}
        >
          {item.label}
        </button>
      ))}
    </div>
  );
}
