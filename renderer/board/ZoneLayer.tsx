import { memo, useEffect, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isZoneLocked } from '../../shared/model';
import { useCan, usePolicyValue, useWorkshop } from '../workshop/workshop-context';
import { LockIcon } from './icons';
import type { ToastAction } from './use-board-toast';
import type { ZoneView } from './use-board-canvas';
import { useDragDelta } from './use-drag-delta';
import { ZoneEditDialog } from './ZoneEditDialog';

const KEY_STEP = 20;
const MIN_ZONE = 80;

interface Props {
  boardId: string;
  zones: readonly ZoneView[];
  zoom: number;
  show: (message: string, action?: ToastAction) => void;
  /** A zone just added: its name and prompt dialog opens at once. */
  openEditorFor?: string | null;
  onEditorOpened?: () => void;
}

/** Arrow keys as a distance: 20 world px a press, 100 with Shift; null for other keys. */
function arrowDelta(event: KeyboardEvent): { dx: number; dy: number } | null {
  const step = event.shiftKey ? KEY_STEP * 5 : KEY_STEP;
  const d = { ArrowLeft: [-step, 0], ArrowRight: [step, 0], ArrowUp: [0, -step], ArrowDown: [0, step] }[event.key];
  return d ? { dx: d[0]!, dy: d[1]! } : null;
}

/**
 * The board's zones, under its notes: a labelled area with its prompt and how many notes are in
 * it. A note dropped in a zone belongs to it (shared/model notes.ts). The facilitator moves a zone
 * by its header (its notes come along), resizes it by its corner, and renames, re-words or
 * deletes it from its header's buttons; arrows on those buttons move and resize it by keyboard.
 */
export const ZoneLayer = memo(function ZoneLayer({ boardId, zones, zoom, show, openEditorFor, onEditorOpened }: Props) {
  const canEdit = useCan('editZones', { boardId }).allowed;
  return (
    <>
      {zones.map((zone) => (
        <ZoneArea key={zone.id} zone={zone} zoom={zoom} editable={canEdit} show={show} startEditing={zone.id === openEditorFor} onEditorOpened={onEditorOpened} />
      ))}
    </>
  );
});

function ZoneArea(props: { zone: ZoneView; zoom: number; editable: boolean; show: Props['show']; startEditing: boolean; onEditorOpened?: () => void }) {
  const { zone, zoom, editable, show, startEditing, onEditorOpened } = props;
  const { t } = useTranslation();
  const { actions } = useWorkshop();
  const [editing, setEditing] = useState(false);
  const locked = usePolicyValue((w) => isZoneLocked(w.doc, zone.id));
  const mayLock = useCan('editSettings', { boardId: zone.boardId }).allowed;
  useEffect(() => {
    if (!startEditing || !editable) return;
    setEditing(true);
    onEditorOpened?.();
  }, [startEditing, editable, onEditorOpened]);
  const move = useDragDelta(zoom, (dx, dy) => actions.moveZone(zone.id, dx, dy));
  const resize = useDragDelta(zoom, (dx, dy) =>
    actions.updateZone(zone.id, { rect: { ...zone.rect, w: Math.max(MIN_ZONE, zone.rect.w + dx), h: Math.max(MIN_ZONE, zone.rect.h + dy) } }),
  );
  const x = zone.rect.x + (move.offset?.dx ?? 0);
  const y = zone.rect.y + (move.offset?.dy ?? 0);
  const w = Math.max(MIN_ZONE, zone.rect.w + (resize.offset?.dx ?? 0));
  const h = Math.max(MIN_ZONE, zone.rect.h + (resize.offset?.dy ?? 0));
  // Labels stay readable when zoomed out on a whole canvas.
  const labelScale = Math.min(2.2, Math.max(1, 0.9 / zoom));

  const remove = () => {
    if (!actions.deleteZone(zone.id)) return;
    show(t('zones.deleted', { label: zone.label }), { label: t('select.undo'), name: t('zones.undoDelete'), run: () => actions.restoreZone(zone.id) });
  };

  return (
    <section
      className={`zone${move.offset ? ' moving' : ''}${locked ? ' locked' : ''}`}
      role="group"
      aria-label={zone.label}
      data-board-layer=""
      data-zone-id={zone.id}
      style={{ transform: `translate(${x}px, ${y}px)`, width: w, height: h }}
    >
      <header className="zone-head" data-board-layer={editable ? undefined : ''} style={{ fontSize: `${labelScale}em` }} {...(editable ? move.handlers : {})}>
        <span className="zone-label" data-board-layer={editable ? undefined : ''}>
          {zone.label}
        </span>
        <span className="zone-count">{t('zones.count', { count: zone.count })}</span>
        {locked && (
          <span className="zone-locked" title={t('policy.zoneLocked')}>
            <LockIcon />
            <span>{t('facilitation.zoneLocked')}</span>
          </span>
        )}
        {(mayLock || editable) && (
          <span className="zone-tools" onPointerDown={(e) => e.stopPropagation()}>
            {mayLock && (
            <button
              type="button"
              className="button icon zone-tool"
              aria-label={t(locked ? 'facilitation.unlockZone' : 'facilitation.lockZone', { label: zone.label })}
              title={t(locked ? 'facilitation.unlockZone' : 'facilitation.lockZone', { label: zone.label })}
              onClick={() => actions.lockZone(zone.id, !locked)}
            >
              <LockIcon open={!locked} />
            </button>
            )}
            {editable && (
            <>
            <button
              type="button"
              className="button icon zone-tool"
              aria-label={t('zones.move', { label: zone.label })}
              title={t('zones.moveHint')}
              aria-keyshortcuts="ArrowLeft ArrowRight ArrowUp ArrowDown"
              onKeyDown={(event) => {
                const d = arrowDelta(event);
                if (!d) return;
                event.preventDefault();
                event.stopPropagation();
                actions.moveZone(zone.id, d.dx, d.dy);
              }}
            >
              <span aria-hidden="true">✥</span>
            </button>
            <button type="button" className="button icon zone-tool" aria-label={t('zones.edit', { label: zone.label })} title={t('zones.editTitle')} onClick={() => setEditing(true)}>
              <span aria-hidden="true">✎</span>
            </button>
            <button type="button" className="button icon zone-tool danger" aria-label={t('zones.delete', { label: zone.label })} title={t('zones.deleteHint')} onClick={remove}>
              <span aria-hidden="true">×</span>
            </button>
            </>
            )}
          </span>
        )}
      </header>
      {zone.prompt && (
        <p className="zone-prompt" data-board-layer="" style={{ fontSize: `${labelScale * 0.95}em` }}>
          {zone.prompt}
        </p>
      )}
      {editable && (
        <button
          type="button"
          className="zone-resize"
          aria-label={t('zones.resize', { label: zone.label })}
          title={t('zones.resizeHint')}
          aria-keyshortcuts="ArrowLeft ArrowRight ArrowUp ArrowDown"
          {...resize.handlers}
          onKeyDown={(event) => {
            const d = arrowDelta(event);
            if (!d) return;
            event.preventDefault();
            event.stopPropagation();
            actions.updateZone(zone.id, { rect: { ...zone.rect, w: Math.max(MIN_ZONE, zone.rect.w + d.dx), h: Math.max(MIN_ZONE, zone.rect.h + d.dy) } });
          }}
        />
      )}
      {editing && (
        <ZoneEditDialog label={zone.label} prompt={zone.prompt} onClose={() => setEditing(false)} onSave={(label, prompt) => actions.updateZone(zone.id, { label, prompt })} />
      )}
    </section>
  );
}
