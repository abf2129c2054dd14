import { memo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_CLUSTER_TITLE_LENGTH } from '../../shared/model';
import { useBoardUi } from '../state/board-ui';
import { TextDialog } from '../ui/TextDialog';
import { useCan, useWorkshop } from '../workshop/workshop-context';
import type { ToastAction } from './use-board-toast';
import type { ClusterView } from './use-board-canvas';
import { useDragDelta } from './use-drag-delta';

const PAD = 16;
const TAB_HEIGHT = 34;

interface Props {
  boardId: string;
  clusters: readonly ClusterView[];
  zoom: number;
  show: (message: string, action?: ToastAction) => void;
}

/**
 * Clusters, drawn behind the notes: a frame around the cluster's notes with its title on a tab.
 * Dragging the tab moves the whole cluster; pressing the title selects its notes (to recolour,
 * tag or move them together); Rename and Ungroup sit beside it.
 */
export const ClusterLayer = memo(function ClusterLayer({ boardId, clusters, zoom, show }: Props) {
  const canEdit = useCan('editBoard', { boardId }).allowed;
  return (
    <>
      {clusters.map((c) => (c.box ? <ClusterFrame key={c.id} cluster={c} zoom={zoom} editable={canEdit} show={show} /> : null))}
    </>
  );
});

function ClusterFrame({ cluster, zoom, editable, show }: { cluster: ClusterView; zoom: number; editable: boolean; show: Props['show'] }) {
  const { t } = useTranslation();
  const { actions } = useWorkshop();
  const [renaming, setRenaming] = useState(false);
  const drag = useDragDelta(zoom, (dx, dy) => actions.moveCluster(cluster.id, dx, dy));
  const box = cluster.box!;
  const scale = Math.min(3, Math.max(1, 0.9 / zoom));
  const tab = TAB_HEIGHT * scale;
  const x = box.x - PAD + (drag.offset?.dx ?? 0);
  const y = box.y - PAD - tab + (drag.offset?.dy ?? 0);
  const title = cluster.title || t('clusters.untitled');

  const ungroup = () => {
    if (!actions.ungroup(cluster.id)) return;
    show(t('clusters.ungrouped', { title }), { label: t('select.undo'), name: t('clusters.undoUngroup'), run: () => actions.restoreCluster(cluster.id) });
  };

  return (
    <section
      className={`cluster${drag.offset ? ' moving' : ''}`}
      role="group"
      aria-label={title}
      data-board-layer=""
      data-cluster-id={cluster.id}
      style={{ transform: `translate(${x}px, ${y}px)`, width: box.w + 2 * PAD, height: box.h + 2 * PAD + tab }}
    >
      <div className="cluster-tab" style={{ height: tab, fontSize: `${scale}em` }} {...(editable ? drag.handlers : {})}>
        <button
          type="button"
          className="cluster-title"
          onPointerDown={(e) => e.stopPropagation()}
          onClick={() => useBoardUi.getState().setSelection(cluster.memberIds)}
          title={t('clusters.selectHint')}
        >
          {title}
          <span className="cluster-count">{t('clusters.count', { count: cluster.memberIds.length })}</span>
        </button>
        {editable && (
          <span className="cluster-tools" onPointerDown={(e) => e.stopPropagation()}>
            <button type="button" className="button icon zone-tool" aria-label={t('clusters.rename', { title })} title={t('clusters.renameTitle')} onClick={() => setRenaming(true)}>
              <span aria-hidden="true">✎</span>
            </button>
            <button type="button" className="button icon zone-tool" aria-label={t('clusters.ungroup', { title })} title={t('clusters.ungroupHint')} onClick={ungroup}>
              <span aria-hidden="true">⊟</span>
            </button>
          </span>
        )}
      </div>
      {renaming && <ClusterTitleDialog title={cluster.title} onClose={() => setRenaming(false)} onSave={(next) => actions.renameCluster(cluster.id, next)} />}
    </section>
  );
}

/** The cluster's title: asked when grouping and from Rename. */
export function ClusterTitleDialog({ title, onSave, onClose }: { title: string; onSave: (title: string) => void; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <TextDialog
      title={t('clusters.renameTitle')}
      fields={[{ label: t('clusters.title'), value: title, maxLength: MAX_CLUSTER_TITLE_LENGTH }]}
      confirm={t('zones.save')}
      onSave={([value]) => onSave(value!)}
      onClose={onClose}
    />
  );
}
