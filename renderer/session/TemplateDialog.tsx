import { useEffect, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BUILT_IN_TEMPLATES, inLanguage, sessionTemplates, type Template } from '../../shared/templates';
import { observeRoots } from '../../shared/model';
import { appDatabase } from '../storage/database';
import { loadDeviceTemplates } from '../storage/device-templates';
import { ModalDialog } from '../ui/ModalDialog';
import { useWorkshop } from '../workshop/workshop-context';
import { TemplatePreview } from './TemplatePreview';

interface Props {
  onChoose: (template: Template) => void;
  onClose: () => void;
}

/**
 * `Choose a template`: the built-in gallery, then the templates saved in this session (everyone
 * sees them) and on this device. Each card is one button named by the template's title alone; its
 * preview is decoration and its one-line description is the button's description.
 */
export function TemplateDialog({ onChoose, onClose }: Props) {
  const { t, i18n } = useTranslation();
  const { doc } = useWorkshop();
  const titleId = useId();
  const [inSession, setInSession] = useState(() => sessionTemplates(doc));
  const [onDevice, setOnDevice] = useState<Template[]>([]);
  useEffect(() => observeRoots(doc, ['templates'], () => setInSession(sessionTemplates(doc))), [doc]);
  useEffect(() => {
    let live = true;
    loadDeviceTemplates(appDatabase())
      .then((list) => live && setOnDevice(list))
      .catch(() => live && setOnDevice([]));
    return () => {
      live = false;
    };
  }, []);
  const deviceOnly = useMemo(() => onDevice.filter((d) => !inSession.some((s) => s.id === d.id)), [onDevice, inSession]);
  const lang = i18n.language;

  const group = (heading: string, list: readonly Template[]) =>
    list.length === 0 ? null : (
      <section className="template-group" aria-label={heading}>
        <h3>{heading}</h3>
        <ul className="template-grid">
          {list.map((tpl) => (
            <li key={tpl.id}>
              <TemplateCard template={tpl} language={lang} onChoose={onChoose} />
            </li>
          ))}
        </ul>
      </section>
    );

  return (
    <ModalDialog titleId={titleId} onClose={onClose} className="template-dialog">
      <h2 id={titleId}>{t('boards.chooseTemplate')}</h2>
      <div className="template-groups">
        {group(t('boards.builtIn'), BUILT_IN_TEMPLATES)}
        {group(t('boards.inSession'), inSession)}
        {group(t('boards.onDevice'), deviceOnly)}
      </div>
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onClose}>
          {t('zones.cancel')}
        </button>
      </div>
    </ModalDialog>
  );
}

function TemplateCard({ template, language, onChoose }: { template: Template; language: string; onChoose: (t: Template) => void }) {
  const descId = useId();
  // The description sits outside the button (its name is the title alone); the button's
  // stretched hit area still makes the whole card one target.
  return (
    <div className="template-card">
      <TemplatePreview template={template} />
      <button type="button" className="template-title" aria-describedby={descId} onClick={() => onChoose(template)}>
        {inLanguage(template.title, language)}
      </button>
      <p id={descId} className="template-description">
        {inLanguage(template.description, language)}
      </p>
    </div>
  );
}
