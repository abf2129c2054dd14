import { memo, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { ACTOR_TYPES, GOVERNANCE_LEVELS } from '../../shared/model';
import { useBoardUi } from '../state/board-ui';

/** The board's tag filter: highlight the notes with one tag, or show only them. */
// Memoised, like the menu and the selection bar: the board re-renders on every frame of a pan or
// zoom, and none of these depends on the view.
export const TagFilter = memo(function TagFilter() {
  const { t } = useTranslation();
  const filter = useBoardUi((s) => s.tagFilter);
  const only = useBoardUi((s) => s.filterOnly);
  const onlyId = useId();
  return (
    <div className={`toolbar-group tag-filter${filter ? ' active' : ''}`}>
      <select
        aria-label={t('tags.filter')}
        title={t('tags.filter')}
        value={filter ?? ''}
        onChange={(e) => useBoardUi.setState({ tagFilter: e.target.value || null })}
      >
        <option value="">{t('tags.allNotes')}</option>
        <optgroup label={t('tags.level')}>
          {GOVERNANCE_LEVELS.map((l) => (
            <option key={l} value={`level:${l}`}>
              {t(`tags.levels.${l}`)}
            </option>
          ))}
        </optgroup>
        <optgroup label={t('tags.actor')}>
          {ACTOR_TYPES.map((a) => (
            <option key={a} value={`actor:${a}`}>
              {t(`tags.actors.${a}`)}
            </option>
          ))}
        </optgroup>
      </select>
      {filter && (
        <span className="filter-only">
          <input id={onlyId} type="checkbox" checked={only} onChange={(e) => useBoardUi.setState({ filterOnly: e.target.checked })} />
          <label htmlFor={onlyId}>{t('tags.hideOthers')}</label>
        </span>
      )}
    </div>
  );
});
