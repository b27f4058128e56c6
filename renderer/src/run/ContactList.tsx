// The numbers to call during a step, large enough to dial from across a counter, each with a "called" button
// that records the call (and the number actually shown) in the journal. The first is the step's primary number.
// Numbers come from the branch's contact directory, else the plan (shared/contacts/directory.ts); a directory
// contact's other numbers are shown small beneath, for when the first does not answer.
import { useTranslation } from 'react-i18next';
import { contactNumbers } from '../../../shared/contacts/directory';
import { pick } from '../../../shared/plan/labels';
import type { RunView } from '../../../shared/run/runViewSchema';
import { hrefFor } from '../app/router';
import { useSettings } from '../app/SettingsContext';
import { useLanguage } from '../components/useLanguage';
import { ActionButton, type Pending } from './ActionButton';
import { actionId, type RunActions } from './runActions';
import { formatClock } from './time';

export function ContactList({
  stepId,
  contacts,
  view,
  actions,
  run,
  part = 'all',
}: {
  stepId: string;
  contacts: string[];
  view: RunView;
  actions: RunActions;
  run: Pending;
  /** A narrow track shows the first number by its buttons and the others with the detail (StepCard.tsx). */
  part?: 'all' | 'first' | 'more';
}) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const { state: settings } = useSettings();
  if (contacts.length === 0) return null;
  const item = (id: string) => {
    const contact = view.plan.contacts.find((c) => c.id === id);
    const [phone, ...otherPhones] = contactNumbers(view.plan, id, settings.settings.contacts);
    const calls = view.called.filter((c) => c.step === stepId && c.contact === id);
    const action = actions.get(actionId.called(stepId, id));
    return (
      <li key={id} className={`contact${calls.length > 0 ? ' is-done' : ''}`} data-contact={id}>
        <div className="contact-who">
          <span className="contact-name">☎ {pick(contact?.name, lang) || id}</span>
          {phone ? (
            <>
              <span className="contact-phone" data-testid="contact-number">
                {phone}
              </span>
              {otherPhones.length > 0 && (
                <span className="muted small" data-testid="contact-other-numbers">
                  {t('contacts.otherNumbers', { numbers: otherPhones.join(lang === 'en' ? ', ' : '，') })}
                </span>
              )}
            </>
          ) : (
            <span className="contact-missing" data-testid="contact-number-missing">
              {t('run.noNumber')} <a href={hrefFor({ screen: 'settings' })}>{t('run.toSettings')}</a>
            </span>
          )}
          {calls.length > 0 && (
            <span className="contact-called">
              ✓{' '}
              {calls.map((c) => t('run.calledAt', { time: formatClock(c.at, lang) })).join(lang === 'en' ? ', ' : '，')}
            </span>
          )}
        </div>
        {action && <ActionButton action={action} run={run} className="contact-button" />}
      </li>
    );
  };
  const [first, ...more] = contacts;
  // The first number is the one to call now: it has a list of its own, which a narrow track keeps apart from the
  // others so that nothing can push it out of view.
  if (part === 'more')
    return more.length > 0 ? (
      <ul className="contacts contacts-more" aria-label={t('run.contacts')}>
        {more.map(item)}
      </ul>
    ) : null;
  return (
    <section className="contacts" aria-label={t('run.contacts')}>
      <ul className="contacts-first">{first && item(first)}</ul>
      {part === 'all' && more.length > 0 && <ul className="contacts-more">{more.map(item)}</ul>}
    </section>
  );
}
