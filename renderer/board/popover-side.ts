export type PopoverSide = 'below' | 'right' | 'left' | 'above';

interface Rect {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

const GAP = 8;

/**
 * Where a note's full-text popover goes, in screen pixels: below the note when it fits inside the
 * board, else to the right, the left or above (above last: the selected note's toolbar sits there);
 * when it fits nowhere, the side with the most room.
 */
export function choosePopoverSide(note: Rect, popover: { w: number; h: number }, board: Rect): PopoverSide {
  const room: Record<PopoverSide, number> = {
    below: board.bottom - note.bottom - GAP - popover.h,
    right: board.right - note.right - GAP - popover.w,
    left: note.left - board.left - GAP - popover.w,
    above: note.top - board.top - GAP - popover.h,
  };
  const order: PopoverSide[] = ['below', 'right', 'left', 'above'];
  return order.find((side) => room[side] >= 0) ?? order.reduce((best, side) => (room[side] > room[best] ? side : best));
}
