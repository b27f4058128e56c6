// What the check says of the draft as it is now: each finding a button naming its item (or section, or the template)
// with its message in the window's language and, smaller, the other one; a click opens the item and focuses the input
// its path names. (The plan editor's FindingsPanel names steps and takes plan findings only.)
import { useTranslation } from 'react-i18next';
import { countBySeverity, type ChecklistFinding } from '../../../shared/checklist/findings';
import { LANGUAGES } from '../../../shared/plan/vocabulary';
import { useLanguage } from '../components/useLanguage';

export function ChecklistFindings({
  findings,
  onPick,
}: {
  findings: readonly ChecklistFinding[];
  onPick: (finding: ChecklistFinding) => void;
}) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const other = LANGUAGES.find((l) => l !== lang)!;
  const { errors, warnings } = countBySeverity(findings);
  const where = (f: ChecklistFinding) =>
    f.itemId !== undefined
      ? t('checklistEditor.findings.item', { id: f.itemId })
      : f.sectionId !== undefined
        ? t('checklistEditor.findings.section', { id: f.sectionId })
        : t('checklistEditor.findings.template');
  return (
    <aside className="editor-findings" aria-labelledby="ck-findings-title">
      <h2 id="ck-findings-title">{t('checklistEditor.findings.heading')}</h2>
      <p className="ed-findings-summary" role="status">
        {findings.length === 0
          ? t('checklistEditor.findings.none')
          : t('checklistEditor.findings.summary', { errors, warnings })}
      </p>
      <ul className="ed-finding-list">
        {findings.map((f, i) => (
          <li key={`${i}-${f.code}-${f.path}`}>
            <button type="button" className={`ed-finding-button finding-${f.severity}`} onClick={() => onPick(f)}>
              <span className={`badge badge-${f.severity}`}>
                {t(f.severity === 'error' ? 'checklistEditor.findings.error' : 'checklistEditor.findings.warning')}
              </span>
              <span className="ed-finding-where">{where(f)}</span>
              <span className="ed-finding-text" lang={lang}>
                {f.message[lang]}
              </span>
              <span className="ck-finding-other" lang={other}>
                {f.message[other]}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </aside>
  );
}
