// In a plan's history: the improvement actions a version was revised for, and the drill each came from — the
// version's side of the link whose other side is the action's "closed by version N". Its words travel with it.
import { useTranslation } from 'react-i18next';
import type { ActionRef } from '../../../shared/library/libraryLog';
import { addStrings } from '../i18n/addStrings';

addStrings({
  'zh-CN': { revisedFor: { label: '整改依据', text: '为整改措施“{{title}}”修订（来自演练“{{source}}”）' } },
  en: {
    revisedFor: {
      label: 'Revised for',
      text: 'Revised for the improvement action "{{title}}" (from the drill "{{source}}")',
    },
  },
});

export function RevisedFor({ actions }: { actions: readonly ActionRef[] | undefined }) {
  const { t } = useTranslation();
  if (!actions || actions.length === 0) return null;
  return (
    <>
      <dt>{t('revisedFor.label')}</dt>
      {actions.map((a) => (
        <dd key={a.actionId} className="revised-for" data-action={a.actionId}>
          {t('revisedFor.text', { title: a.title, source: a.source })}
        </dd>
      ))}
    </>
  );
}
