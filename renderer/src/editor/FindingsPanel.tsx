// What analysis says of the draft as it is now: each finding a button that selects its step and focuses the input
// that its path names.
import { useTranslation } from 'react-i18next';
import { countBySeverity, type Finding } from '../../../shared/plan/findings';
import { useLanguage } from '../components/useLanguage';

export function FindingsPanel({ findings, onPick }: { findings: readonly Finding[]; onPick: (f: Finding) => void }) {
  const { t } = useTranslation();
  const lang = useLanguage();
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
              <span className="ed-finding-where">
                <code>{f.stepId ?? t('editor.findings.plan')}</code>
              </span>
              <span className="ed-finding-text">{f.message[lang]}</span>
            </button>
          </li>
        ))}
      </ul>
    </aside>
  );
}
