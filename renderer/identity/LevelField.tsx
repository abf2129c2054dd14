import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { GOVERNANCE_LEVELS, isGovernanceLevel, type GovernanceLevel } from '../../shared/model';

/**
 * The optional `Your governance level` of joining (and of changing one's name later): it travels
 * with this person's votes, so results can show what each level chose.
 */
export function LevelField({ value, onChange }: { value: GovernanceLevel | null; onChange: (level: GovernanceLevel | null) => void }) {
  const { t } = useTranslation();
  const hintId = useId();
  const selectId = useId();
  // A label of its own (not wrapping): the hint and the chosen option must not join the name.
  return (
    <div className="field">
      <label htmlFor={selectId}>{t('join.level')}</label>
      <select id={selectId} value={value ?? ''} aria-describedby={hintId} onChange={(e) => onChange(isGovernanceLevel(e.target.value) ? e.target.value : null)}>
        <option value="">{t('join.levelNone')}</option>
        {GOVERNANCE_LEVELS.map((level) => (
          <option key={level} value={level}>
            {t(`tags.levels.${level}`)}
          </option>
        ))}
      </select>
      <span id={hintId} className="muted small">
        {t('join.levelHint')}
      </span>
    </div>
  );
}
