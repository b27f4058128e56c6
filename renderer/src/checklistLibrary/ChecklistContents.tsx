// A checklist template read-only: its sections (with their weights) and items (how each is answered, critical,
// photo required, its guidance), and a template's findings. For the template page and a version in its history.
import { useTranslation } from 'react-i18next';
import type { ChecklistDetail } from '../../../shared/api/channels';
import type { Checklist, ChecklistItem } from '../../../shared/checklist/schema';
import { pick } from '../../../shared/plan/labels';
import { useLanguage } from '../components/useLanguage';
import './strings';

export function ChecklistContents({ checklist, headingLevel = 2 }: { checklist: Checklist; headingLevel?: 2 | 3 }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const SectionHeading = headingLevel === 2 ? 'h3' : 'h4';
  return (
    <div className="checklist-contents">
      <Heading>{t('checklistLibrary.contents')}</Heading>
      <p>{pick(checklist.summary, lang)}</p>
      {checklist.sections.map((section) => (
        <section key={section.id} data-section={section.id}>
          <SectionHeading>
            {pick(section.title, lang)}{' '}
            {section.weight !== undefined && (
              <span className="muted small">{t('checklistLibrary.sectionWeight', { weight: section.weight })}</span>
            )}
          </SectionHeading>
          <ol>
            {section.items.map((item) => (
              <li key={item.id} data-item={item.id}>
                {pick(item.text, lang)} <ItemMarks item={item} />
                {item.guidance && <p className="muted small">{pick(item.guidance, lang)}</p>}
              </li>
            ))}
          </ol>
        </section>
      ))}
    </div>
  );
}

function ItemMarks({ item }: { item: ChecklistItem }) {
  const { t } = useTranslation();
  return (
    <span className="small">
      <span className="badge badge-muted">
        {t(`checklistLibrary.kind.${item.kind}`, { max: item.kind === 'score' ? item.max : '' })}
      </span>
      {item.critical && <span className="badge badge-error">{t('checklistLibrary.critical')}</span>}
      {item.photo && <span className="badge badge-muted">{t('checklistLibrary.photo')}</span>}
    </span>
  );
}

export function FindingList({ findings }: { findings: ChecklistDetail['findings'] }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  if (findings.length === 0) return <p className="badge badge-ok">{t('checklistLibrary.noFindings')}</p>;
  return (
    <ul className="findings">
      {findings.map((f, i) => (
        <li key={i} className={`finding finding-${f.severity}`}>
          <span className={`badge badge-${f.severity}`}>{f.severity === 'error' ? '✖' : '⚠'}</span>{' '}
          {(f.itemId ?? f.sectionId) && <code>{f.itemId ?? f.sectionId}</code>} {f.message[lang]}{' '}
          <span className="muted small">
            <code>{f.path}</code> [{f.code}]
          </span>
        </li>
      ))}
    </ul>
  );
}
