import { useTranslation } from 'react-i18next';
import type { HubLoginProblem } from './hub-settings';

/**
 * The hub address and token fields, with what is wrong with them (`Publish to hub` asks for a lab
 * token, `Connect to hub` for a coordinator token).
 */
export function HubLoginFields(props: {
  tokenLabel: string;
  address: string;
  token: string;
  problem: HubLoginProblem | null;
  onAddress: (value: string) => void;
  onToken: (value: string) => void;
}) {
  const { t } = useTranslation();
  const { tokenLabel, address, token, problem } = props;
  return (
    <>
      <label className="field">
        <span>{t('hub.address')}</span>
        <input
          type="text"
          inputMode="url"
          autoFocus
          value={address}
          placeholder="https://hub.example.org"
          spellCheck={false}
          autoComplete="url"
          aria-invalid={problem === 'address' || problem === 'insecure'}
          onChange={(e) => props.onAddress(e.target.value)}
        />
      </label>
      <label className="field">
        <span>{tokenLabel}</span>
        <input
          type="text"
          value={token}
          spellCheck={false}
          autoComplete="off"
          aria-invalid={problem === 'token' || problem === 'tokenKind'}
          onChange={(e) => props.onToken(e.target.value)}
        />
      </label>
      {problem && (
        <p role="alert" className="banner error small">
          {t(`hub.problems.${problem}`, { expected: tokenLabel })}
        </p>
      )}
    </>
  );
}
