import { useId } from 'react';

/**
 * An on/off control (role `switch`) named by its visible label; the hint, if any, describes it.
 * A button rather than a checkbox: it acts at once, as the switches in Miro's facilitation menu.
 */
export function Switch({ label, hint, checked, disabled, onChange }: { label: string; hint?: string; checked: boolean; disabled?: boolean; onChange: (on: boolean) => void }) {
  const hintId = useId();
  return (
    <div className="switch-row">
      <button type="button" role="switch" aria-checked={checked} className="switch" disabled={disabled} aria-describedby={hint ? hintId : undefined} onClick={() => onChange(!checked)}>
        <span className="switch-track" aria-hidden="true">
          <span className="switch-thumb" />
        </span>
        <span className="switch-label">{label}</span>
      </button>
      {hint && (
        <p id={hintId} className="switch-hint muted">
          {hint}
        </p>
      )}
    </div>
  );
}
