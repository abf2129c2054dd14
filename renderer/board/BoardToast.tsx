import type { Toast } from './use-board-toast';

interface Props {
  toast: Toast | null;
  onDismiss: () => void;
  onHold: (held: boolean) => void;
}

/**
 * The message at the bottom of the board, with a button when there is something to take back
 * ("Note deleted. Undo"). The status element stays in the page so screen readers announce each
 * new message; the button exists only while the toast shows, so Tab never lands on a hidden one.
 */
export function BoardToast({ toast, onDismiss, onHold }: Props) {
  const action = toast?.action;
  return (
    <div
      className="toast"
      data-visible={toast ? 'true' : 'false'}
      onPointerEnter={() => onHold(true)}
      onPointerLeave={() => onHold(false)}
      onFocus={() => onHold(true)}
      onBlur={() => onHold(false)}
    >
      <p role="status" className="toast-message">
        {toast?.message ?? ''}
      </p>
      {toast && action && (
        <button
          type="button"
          className="toast-action"
          aria-label={action.name}
          onClick={() => {
            onHold(false);
            onDismiss();
            action.run();
          }}
        >
          {action.label}
        </button>
      )}
    </div>
  );
}
