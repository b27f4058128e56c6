// The parts of a step that are lists: an action's checklist and a decision's options, each addressed by its id.
import { useTranslation } from 'react-i18next';
import type { ActionStep, DecisionStep } from '../../../shared/plan/schema';
import { freshPartId } from './editorModel';
import { useEditor } from './editorContext';
import { stepField } from './fieldIds';
import { FollowOnSelect, TargetSelect } from './inputs';
import { LocalizedField } from './LocalizedField';
import type { AnyStep } from './stepLocation';

export function ChecklistEditor({ step }: { step: ActionStep }) {
  const { t } = useTranslation();
  const { plan, edit, focusLater } = useEditor();
  const items = step.checklist ?? [];
  const move = (itemId: string, to: 'up' | 'down') => {
    edit({ type: 'checklist.move', stepId: step.id, itemId, to });
    focusLater(stepField(step.id, 'item', itemId, to));
  };
  return (
    <section className="editor-section" aria-labelledby={stepField(step.id, 'checklist-title')}>
      <h3 id={stepField(step.id, 'checklist-title')}>{t('editor.checklist.heading')}</h3>
      <ol className="ed-part-list">
        {items.map((item, i) => (
          <li key={item.id} className="ed-part">
            <LocalizedField
              label={t('editor.checklist.item', { n: i + 1 })}
              value={item.text}
              idFor={(lang) => stepField(step.id, 'item', item.id, lang)}
              onValue={(lang, value) =>
                edit({ type: 'checklist.setText', stepId: step.id, itemId: item.id, lang, value })
              }
            />
            <div className="ed-part-actions">
              <button
                type="button"
                id={stepField(step.id, 'item', item.id, 'up')}
                disabled={i === 0}
                aria-label={t('editor.checklist.up', { n: i + 1 })}
                onClick={() => move(item.id, 'up')}
              >
                ↑
              </button>
              <button
                type="button"
                id={stepField(step.id, 'item', item.id, 'down')}
                disabled={i === items.length - 1}
                aria-label={t('editor.checklist.down', { n: i + 1 })}
                onClick={() => move(item.id, 'down')}
              >
                ↓
              </button>
              <button
                type="button"
                className="danger-outline"
                onClick={() => {
                  edit({ type: 'checklist.remove', stepId: step.id, itemId: item.id });
                  focusLater(stepField(step.id, 'add-item'));
                }}
              >
                {t('editor.checklist.remove', { n: i + 1 })}
              </button>
            </div>
          </li>
        ))}
      </ol>
      <button
        type="button"
        id={stepField(step.id, 'add-item')}
        onClick={() => {
          const id = freshPartId(plan, step.id, 'item');
          edit({ type: 'checklist.add', stepId: step.id, id });
          focusLater(stepField(step.id, 'item', id, 'zh-CN'));
        }}
      >
        {t('editor.checklist.add')}
      </button>
    </section>
  );
}

export function OptionsEditor({ step, scope }: { step: DecisionStep; scope: readonly AnyStep[] }) {
  const { t } = useTranslation();
  const { plan, edit, focusLater } = useEditor();
  return (
    <section className="editor-section" aria-labelledby={stepField(step.id, 'options-title')}>
      <h3 id={stepField(step.id, 'options-title')}>{t('editor.options.heading')}</h3>
      <ol className="ed-part-list">
        {step.options.map((option, i) => (
          <li key={`${i}-${option.id}`} className="ed-part">
            <LocalizedField
              label={t('editor.options.item', { n: i + 1 })}
              value={option.label}
              idFor={(lang) => stepField(step.id, 'option', option.id, 'label', lang)}
              onValue={(lang, value) =>
                edit({ type: 'option.setLabel', stepId: step.id, optionId: option.id, lang, value })
              }
            />
            <div className="ed-row">
              <div className="ed-field">
                <label htmlFor={stepField(step.id, 'option', option.id, 'next')}>{t('editor.options.next')}</label>
                <TargetSelect
                  id={stepField(step.id, 'option', option.id, 'next')}
                  value={option.next}
                  scope={scope}
                  onValue={(next) => edit({ type: 'option.setNext', stepId: step.id, optionId: option.id, next })}
                />
              </div>
              <div className="ed-field">
                <label htmlFor={stepField(step.id, 'option', option.id, 'followOn')}>{t('editor.step.followOn')}</label>
                <FollowOnSelect
                  id={stepField(step.id, 'option', option.id, 'followOn')}
                  value={option.followOn}
                  onValue={(planId) =>
                    edit({
                      type: 'option.setFollowOn',
                      stepId: step.id,
                      optionId: option.id,
                      ...(planId ? { planId } : {}),
                    })
                  }
                />
              </div>
              <button
                type="button"
                className="danger-outline"
                onClick={() => {
                  edit({ type: 'option.remove', stepId: step.id, optionId: option.id });
                  focusLater(stepField(step.id, 'add-option'));
                }}
              >
                {t('editor.options.remove', { n: i + 1 })}
              </button>
            </div>
          </li>
        ))}
      </ol>
      <button
        type="button"
        id={stepField(step.id, 'add-option')}
        onClick={() => {
          const id = freshPartId(plan, step.id, 'option');
          edit({ type: 'option.add', stepId: step.id, id });
          focusLater(stepField(step.id, 'option', id, 'label', 'zh-CN'));
        }}
      >
        {t('editor.options.add')}
      </button>
    </section>
  );
}
