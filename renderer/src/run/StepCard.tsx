// One current step in large type: who does it, what to do, its clock, checklist and numbers, and the big
// buttons that move the run on ("完成" for an action, one button per option for a decision). The card never grows
// past the space it is given: the head and the buttons keep their place, the detail and checklist scroll inside,
// and the numbers sit where nothing can push them away (beside the detail, or right above the buttons in a track),
// so the number to call and the button are in view on every screen without scrolling (run.css, step.css).
import { useTranslation } from 'react-i18next';
import { pick } from '../../../shared/plan/labels';
import type { IndexedStep } from '../../../shared/plan/stepIndex';
import type { RunView } from '../../../shared/run/runViewSchema';
import { useLanguage } from '../components/useLanguage';
import { ActionButton, type Pending } from './ActionButton';
import { Checklist } from './Checklist';
import { ContactList } from './ContactList';
import type { ActiveEntry, WorkStep } from './currentSteps';
import { actionId, type RunActions } from './runActions';
import { StepTimer } from './StepTimer';

export interface StepCardProps {
  step: WorkStep;
  active: ActiveEntry;
  view: RunView;
  index: Map<string, IndexedStep>;
  actions: RunActions;
  run: Pending;
  /** Inside a parallel step's track: one narrow column, the role already named by the column. */
  inTrack?: boolean;
}

export function StepCard({ step, active, view, index, actions, run, inTrack = false }: StepCardProps) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const role = view.plan.roles.find((r) => r.id === step.role);
  const Heading = inTrack ? 'h4' : 'h2';
  const titleId = `step-title-${step.id}`;
  const timeout = step.timeout && {
    seconds: step.timeout.seconds,
    nextTitle: pick(index.get(step.timeout.next)?.step.title, lang) || step.timeout.next,
  };
  const complete = actions.get(actionId.complete(step.id));
  // Beside the detail in a whole card; in a narrow track the first number sits right above the buttons, where no
  // detail can push it away, and the others scroll with the detail.
  const contacts = step.contacts ?? [];
  const numbers = (part: 'all' | 'first' | 'more') =>
    contacts.length > (part === 'more' ? 1 : 0) && (
      <div className={part === 'more' ? 'step-more-numbers' : 'step-side'}>
        <ContactList stepId={step.id} contacts={contacts} view={view} actions={actions} run={run} part={part} />
      </div>
    );
  return (
    <article
      className={`step-card kind-${step.kind}${inTrack ? ' in-track' : ''}`}
      aria-labelledby={titleId}
      data-step={step.id}
    >
      <div className="step-head">
        <div className="step-heading">
          {role && !inTrack && <span className="role-chip">{t('run.role', { role: pick(role.title, lang) })}</span>}
          <Heading id={titleId} className="step-title">
            {pick(step.title, lang)}
          </Heading>
        </div>
        <StepTimer
          active={active}
          {...(step.targetSeconds !== undefined ? { targetSeconds: step.targetSeconds } : {})}
          {...(timeout ? { timeout } : {})}
          compact={inTrack}
        />
      </div>
      <div className="step-body">
        <div className="step-main">
          {step.detail && <p className="step-detail">{pick(step.detail, lang)}</p>}
          {step.kind === 'action' && <Checklist step={step} view={view} actions={actions} run={run} />}
        </div>
        {numbers(inTrack ? 'more' : 'all')}
      </div>
      {inTrack && numbers('first')}
      <div className="step-actions">
        {step.kind === 'action' && complete && (
          <ActionButton action={complete} run={run} className="primary complete" testId="step-done">
            <span aria-hidden="true">✓</span>
          </ActionButton>
        )}
        {step.kind === 'decision' && (
          <div className="options" role="group" aria-label={t('run.choose')}>
            {step.options.map((option) => {
              const action = actions.get(actionId.choose(step.id, option.id));
              return action ? (
                <ActionButton key={option.id} action={action} run={run} className="option" testId="step-option" />
              ) : null;
            })}
          </div>
        )}
      </div>
    </article>
  );
}
