import { useTranslation } from 'react-i18next';
import { MAX_ZONE_LABEL_LENGTH, MAX_ZONE_PROMPT_LENGTH } from '../../shared/model';
import { TextDialog } from '../ui/TextDialog';

/** Name and prompt of a zone, in one small dialog (the facilitator's). */
export function ZoneEditDialog({ label, prompt, onSave, onClose }: { label: string; prompt: string; onSave: (label: string, prompt: string) => void; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <TextDialog
      title={t('zones.editTitle')}
      fields={[
        { label: t('zones.name'), value: label, maxLength: MAX_ZONE_LABEL_LENGTH, required: true },
        { label: t('zones.prompt'), value: prompt, maxLength: MAX_ZONE_PROMPT_LENGTH, multiline: true },
      ]}
      confirm={t('zones.save')}
      onSave={([name, question]) => onSave(name!, question!)}
      onClose={onClose}
    />
  );
}
