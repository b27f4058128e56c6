// A plan's steps as a nested outline: branches, role tracks, timers and numbers to call.
import { ClockIcon } from './ClockIcon';
import { useTranslation } from 'react-i18next';
import { OUTCOME_LABELS, pick } from '../../../shared/plan/labels';
import type { Plan, Step, TrackStep } from '../../../shared/plan/schema';
import { contactNumber, type PhoneDirectory } from '../../../shared/contacts/directory';
import { useLanguage } from './useLanguage';

/** `directory`: the branch's contacts, whose numbers win over the plan's; `{}` shows the plan as written. */
export function PlanOutline({ plan, directory }: { plan: Plan; directory: PhoneDirectory }) {
  const lang = useLanguage();
  return (
    <ol className="outline">
      {plan.steps.map((step) => (
        <StepItem
          key={step.id}
          step={step}
          plan={plan}
          directory={directory}
          isStart={step.id === plan.start}
          lang={lang}
        />
      ))}
    </ol>
  );
}

function StepItem({
  step,
  plan,
  directory,
  isStart,
  lang,
  role,
}: {
  step: Step | TrackStep;
  plan: Plan;
  directory: PhoneDirectory;
  isStart: boolean;
  lang: 'zh-CN' | 'en';
  role?: string;
}) {
  const { t } = useTranslation();
  const roleId = ('role' in step ? step.role : undefined) ?? role;
  const roleTitle = plan.roles.find((r) => r.id === roleId)?.title;
  const contact = (id: string) => {
    const c = plan.contacts.find((x) => x.id === id);
    const phone = contactNumber(plan, id, directory);
    return `${pick(c?.name, lang) || id} ${phone ?? `(${t('plans.setLocally')})`}`;
  };
  return (
    <li className={`outline-step kind-${step.kind}`} id={`step-${step.id}`}>
      <div className="outline-head">
        <span className="badge">{t(`plans.kinds.${step.kind}`)}</span>
        {isStart && <span className="badge badge-start">{t('plans.start')}</span>}
        <strong>{pick(step.title, lang) || step.id}</strong>
        {roleTitle && !role && <span className="muted"> — {pick(roleTitle, lang)}</span>}
        <code className="muted small">{step.id}</code>
      </div>
      {'detail' in step && step.detail && <p className="outline-detail">{pick(step.detail, lang)}</p>}
      <ul className="outline-facts">
        {step.kind !== 'end' && step.targetSeconds !== undefined && (
          <li>
            <ClockIcon /> {t('plans.target', { seconds: step.targetSeconds })}
          </li>
        )}
        {step.kind !== 'end' && step.timeout && (
          <li>
            <ClockIcon /> {t('plans.timeout', { seconds: step.timeout.seconds, next: step.timeout.next })}
          </li>
        )}
        {(step.kind === 'action' || step.kind === 'decision') &&
          (step.contacts ?? []).map((id) => <li key={id}>☎ {contact(id)}</li>)}
        {step.kind === 'action' &&
          (step.checklist ?? []).map((item) => <li key={item.id}>☐ {pick(item.text, lang)}</li>)}
        {step.kind === 'action' && (
          <li>
            → {t('plans.next')}: <a href={`#step-${step.next}`}>{step.next}</a>
          </li>
        )}
        {step.kind === 'decision' &&
          step.options.map((o) => (
            <li key={o.id}>
              {pick(o.label, lang)} → <a href={`#step-${o.next}`}>{o.next}</a>
            </li>
          ))}
        {step.kind === 'end' && 'outcome' in step && (
          <li>{t('plans.outcome', { outcome: OUTCOME_LABELS[step.outcome][lang] })}</li>
        )}
      </ul>
      {step.kind === 'parallel' && (
        <div className="tracks">
          {step.tracks.map((track) => (
            <section key={track.start} className="track">
              <h4>
                {t('plans.track', {
                  role: pick(plan.roles.find((r) => r.id === track.role)?.title, lang) || track.role,
                })}
              </h4>
              <ol className="outline">
                {track.steps.map((inner) => (
                  <StepItem
                    key={inner.id}
                    step={inner}
                    plan={plan}
                    directory={directory}
                    isStart={inner.id === track.start}
                    lang={lang}
                    role={track.role}
                  />
                ))}
              </ol>
            </section>
          ))}
          <p className="muted">{t('plans.join', { next: step.next })}</p>
        </div>
      )}
    </li>
  );
}
