import { useTranslation } from 'react-i18next';
import { useBoardUi } from '../state/board-ui';

/**
 * Says "3 notes selected" to screen readers when a selection of several notes is made (Ctrl+A,
 * Shift+click, a marquee). The element stays in the page so each change is announced; one note
 * needs no announcement, as focus is on it and its name is read.
 */
export function SelectionAnnouncer() {
  const { t } = useTranslation();
  const count = useBoardUi((s) => s.selectedIds.length);
  return (
    <p role="status" className="visually-hidden">
      {count > 1 ? t('select.selected', { count }) : ''}
    </p>
  );
}
