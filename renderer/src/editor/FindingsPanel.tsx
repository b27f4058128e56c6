// What the check says of the draft as it is now, for the plan and checklist editors: each finding a button naming
// where it is (`where`: a step, an item…) with its message in the window's language (and, `bilingual`, smaller, the
// other one); a click (`onPick`) shows that place and focuses the input its path names.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { countBySeverity, type Severity } from '../../../shared/plan/findings';
import { LANGUAGES } from '../../../shared/plan/vocabulary';
import type { Text } from '../../../shared/text';
import { useLanguage } from '../components/useLanguage';

/** What the panel reads of a finding: plan and checklist findings both have it. */
export interface PanelFinding {
  severity: Severity;
  code: string;
  path: string;
  message: Text;
}

export function FindingsPanel<F extends PanelFinding>({
  findings,
  where,
  onPick,
  bilingual = false,
}: {
  findings: readonly F[];
  where: (finding: F) => ReactNode;
  onPick: (finding: F) => void;
  bilingual?: boolean;
}) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const other = LANGUAGES.find((l) => l !== lang)!;
  const { errors, warnings } = countBySeverity(findings);
  return (
    <aside className="editor-findings" aria-labelledby="findings-title">
      <h2 id="findings-title">{t('editor.findings.heading')}</h2>
      <p className="ed-findings-summary" role="status">
        {findings.length === 0 ? t('editor.findings.none') : t('editor.findings.summary', { errors, warnings })}
      </p>
      <ul className="ed-finding-list">
        {findings.map((f, i) => (
          <li key={`${i}-${f.code}-${f.path}`}>
            <button type="button" className={`ed-finding-button finding-${f.severity}`} onClick={() => onPick(f)}>
              <span className={`badge badge-${f.severity}`}>
                {t(f.severity === 'error' ? 'editor.findings.error' : 'editor.findings.warning')}
              </span>
              <span className="ed-finding-where">{where(f)}</span>
              <span className="ed-finding-text" lang={lang}>
                {f.message[lang]}
              </span>
              {bilingual && (
                <span className="ed-finding-other" lang={other}>
                  {f.message[other]}
                </span>
              )}
            </button>
          </li>
        ))}
      </ul>
    </aside>
  );
}
