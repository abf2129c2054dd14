/**
 * A control that Space presses (buttons, radios, checkboxes, links with a role): held Space pans
 * the board only when focus is elsewhere, so keyboard users can still press what they focused.
 */
export function isPressableTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.tagName === 'BUTTON' || target.tagName === 'SUMMARY') return true;
  const role = target.getAttribute('role');
  return role === 'button' || role === 'radio' || role === 'checkbox' || role === 'switch' || role === 'menuitem' || role === 'tab';
}
