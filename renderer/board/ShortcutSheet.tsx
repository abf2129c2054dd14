import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { ModalDialog } from '../ui/ModalDialog';

type Row = [keys: string, what: string];

/** `?` on the board: every shortcut in one sheet, grouped as Miro's and Figma's are. */
export function ShortcutSheet({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const titleId = useId();
  const mod = /Mac|iPhone|iPad/.test(navigator.platform) ? '⌘' : 'Ctrl';
  const groups: [string, Row[]][] = [
    [
      t('select.groups.notes'),
      [
        ['N', t('select.keys.add')],
        [t('select.keyNames.doubleClick'), t('select.keys.addHere')],
        ['Enter, F2', t('select.keys.edit')],
        ['Esc', t('select.keys.stopEditing')],
        ['Tab', t('select.keys.nextNote')],
        ['← ↑ → ↓', t('select.keys.move')],
        ['Delete', t('select.keys.remove')],
        [`${mod}+Z`, t('select.keys.undo')],
        [`${mod}+Shift+Z, ${mod}+Y`, t('select.keys.redo')],
        [t('select.keyNames.contextMenu'), t('select.keys.menu')],
      ],
    ],
    [
      t('select.groups.selection'),
      [
        [`${mod}+A`, t('select.keys.selectAll')],
        [t('select.keyNames.shiftClick'), t('select.keys.addToSelection')],
        [t('select.keyNames.shiftDrag'), t('select.keys.marquee')],
        [`${mod}+C, ${mod}+X, ${mod}+V`, t('select.keys.copy')],
        [`${mod}+D`, t('select.keys.duplicate')],
        ['Esc', t('select.keys.deselect')],
      ],
    ],
    [
      t('select.groups.view'),
      [
        ['+ − 0', t('select.keys.zoom')],
        ['Shift+1', t('select.keys.zoomToFit')],
        [t('select.keyNames.spaceDrag'), t('select.keys.pan')],
        ['← ↑ → ↓', t('select.keys.arrowPan')],
        ['?', t('select.keys.help')],
      ],
    ],
  ];
  return (
    <ModalDialog titleId={titleId} onClose={onClose} className="shortcut-sheet">
      <h2 id={titleId}>{t('select.shortcuts')}</h2>
      {/* Scrolls on a small screen, so it takes focus: keyboard users can scroll it too. */}
      <div className="shortcut-groups" tabIndex={0} role="group" aria-labelledby={titleId}>
        {groups.map(([title, rows]) => (
          <section key={title} aria-label={title}>
            <h3>{title}</h3>
            <dl>
              {rows.map(([keys, what]) => (
                <div key={what} className="shortcut-row">
                  <dt>
                    <kbd>{keys}</kbd>
                  </dt>
                  <dd>{what}</dd>
                </div>
              ))}
            </dl>
          </section>
        ))}
      </div>
      <div className="dialog-actions">
        <button type="button" className="button primary" onClick={onClose} autoFocus>
          {t('select.close')}
        </button>
      </div>
    </ModalDialog>
  );
}
