// 下发预案: a published version of this installation's plans sent to all branches, some regions or named branches,
// mandatory or advisory from a date, with the manager's PIN asked again (hq.publish); below it, the releases head
// office holds (hq.releases). The backend's refusal (a viewer-only login, a version taken) is shown as worded.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { HqDashboardView, HqPublishedView, HqReleaseView } from '../../../shared/api/channels';
import type { ReleaseScope } from '../../../shared/hq/release';
import { useApi } from '../api/ApiContext';
import { useAsync } from '../app/useAsync';
import { LoadState } from '../components/LoadState';
import { useLanguage } from '../components/useLanguage';
import { ErrorNote } from '../people/ErrorNote';
import { PinField } from '../people/PinFields';
import { formatDateTime } from '../records/recordTime';
import { useUnlockedCall } from '../training/useUnlockedCall';
import { notUnlocked } from './strings';

type Branches = HqDashboardView['coverage']['branches'];
type ScopeKind = ReleaseScope['kind'];

export function PublishPanel({ branches }: { branches: Branches }) {
  const { t } = useTranslation();
  const api = useApi();
  const asManager = useUnlockedCall('manager', notUnlocked);
  const [plans, reloadPlans] = useAsync(() => asManager(() => api.call('plans.list')), [asManager]);
  const [releases, reloadReleases] = useAsync(() => asManager(() => api.call('hq.releases')), [asManager]);
  return (
    <section aria-labelledby="hq-publish" className="hq-publish">
      <h2 id="hq-publish">{t('hq.publish.heading')}</h2>
      <LoadState state={plans} retry={reloadPlans}>
        {(list) => (
          <PublishForm
            versions={(list ?? []).filter((p) => p.status === 'published')}
            branches={branches}
            onPublished={reloadReleases}
          />
        )}
      </LoadState>
      <h3>{t('hq.publish.releases')}</h3>
      <LoadState state={releases} retry={reloadReleases}>
        {(list) => <ReleaseTable releases={list ?? []} />}
      </LoadState>
    </section>
  );
}

interface PlanChoice {
  id: string;
  version: number;
  title: { 'zh-CN': string; en: string };
}

function PublishForm({
  versions,
  branches,
  onPublished,
}: {
  versions: PlanChoice[];
  branches: Branches;
  onPublished: () => void;
}) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const api = useApi();
  const regions = [...new Set(branches.map((b) => b.region))].sort();
  const [choice, setChoice] = useState(versions[0] ? `${versions[0].id}@${versions[0].version}` : '');
  const [scopeKind, setScopeKind] = useState<ScopeKind>('all');
  const [chosenRegions, setChosenRegions] = useState<string[]>([]);
  const [codes, setCodes] = useState('');
  const [mandatory, setMandatory] = useState(false);
  const [effectiveDate, setEffectiveDate] = useState('');
  const [pin, setPin] = useState('');
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<
    { kind: 'done'; view: HqPublishedView } | { kind: 'failed'; error: unknown }
  >();
  const codeList = codes
    .split(/[\s,，]+/)
    .map((c) => c.trim())
    .filter((c) => c !== '');
  const scope: ReleaseScope | undefined =
    scopeKind === 'all'
      ? { kind: 'all' }
      : scopeKind === 'regions'
        ? chosenRegions.length > 0
          ? { kind: 'regions', regions: chosenRegions }
          : undefined
        : codeList.length > 0
          ? { kind: 'branches', branches: codeList }
          : undefined;
  const ready = choice !== '' && scope !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(effectiveDate) && pin !== '';
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!ready || busy || !scope) return;
    const [planId, version] = choice.split('@');
    setBusy(true);
    try {
      const view = await api.call('hq.publish', {
        planId: planId!,
        version: Number(version),
        scope,
        mandatory,
        effectiveDate,
        pin,
      });
      setOutcome({ kind: 'done', view });
      onPublished();
    } catch (error) {
      setOutcome({ kind: 'failed', error });
    } finally {
      setPin('');
      setBusy(false);
    }
  };
  if (versions.length === 0) return <p className="muted">{t('hq.publish.noPlans')}</p>;
  return (
    <form className="settings hq-publish-form" onSubmit={submit} noValidate>
      <label className="field">
        <span>{t('hq.publish.plan')}</span>
        <select name="hq-publish-plan" value={choice} onChange={(e) => setChoice(e.target.value)}>
          {versions.map((p) => (
            <option key={p.id} value={`${p.id}@${p.version}`}>
              {t('hq.publish.planVersion', { title: p.title[lang], id: p.id, version: p.version })}
            </option>
          ))}
        </select>
      </label>
      <fieldset>
        <legend>{t('hq.publish.scope')}</legend>
        {(['all', 'regions', 'branches'] as const).map((kind) => (
          <label key={kind} className="choice">
            <input
              type="radio"
              name="hq-publish-scope"
              value={kind}
              checked={scopeKind === kind}
              onChange={() => setScopeKind(kind)}
            />
            {t(`hq.publish.scopeKind.${kind}`)}
          </label>
        ))}
        {scopeKind === 'regions' &&
          (regions.length === 0 ? (
            <p className="muted">{t('hq.publish.noRegions')}</p>
          ) : (
            regions.map((region) => (
              <label key={region} className="choice">
                <input
                  type="checkbox"
                  name="hq-publish-region"
                  value={region}
                  checked={chosenRegions.includes(region)}
                  onChange={(e) =>
                    setChosenRegions((list) =>
                      e.target.checked ? [...list, region] : list.filter((r) => r !== region),
                    )
                  }
                />
                {region}
              </label>
            ))
          ))}
        {scopeKind === 'branches' && (
          <label className="field">
            <span>{t('hq.publish.codes')}</span>
            <input
              name="hq-publish-codes"
              value={codes}
              spellCheck={false}
              list="hq-publish-codes"
              onChange={(e) => setCodes(e.target.value)}
            />
            <datalist id="hq-publish-codes">
              {branches.map((b) => (
                <option key={b.code} value={b.code}>
                  {b.name}
                </option>
              ))}
            </datalist>
          </label>
        )}
      </fieldset>
      <fieldset>
        <legend>{t('hq.publish.kind')}</legend>
        <label className="choice">
          <input type="radio" name="hq-publish-mandatory" checked={mandatory} onChange={() => setMandatory(true)} />
          {t('hq.publish.mandatory')}
        </label>
        <label className="choice">
          <input type="radio" name="hq-publish-mandatory" checked={!mandatory} onChange={() => setMandatory(false)} />
          {t('hq.publish.advisory')}
        </label>
      </fieldset>
      <label className="field">
        <span>{t('hq.publish.effectiveDate')}</span>
        <input
          type="date"
          name="hq-publish-date"
          value={effectiveDate}
          onChange={(e) => setEffectiveDate(e.target.value)}
        />
      </label>
      <PinField label={t('hq.publish.pin')} value={pin} onChange={setPin} />
      <button type="submit" className="primary" disabled={!ready || busy}>
        {t('hq.publish.submit')}
      </button>
      {outcome?.kind === 'done' && (
        <p role="status">
          {t(outcome.view.alreadyPublished ? 'hq.publish.already' : 'hq.publish.done', {
            plan: outcome.view.release.planId,
            version: outcome.view.release.version,
            count: outcome.view.reach.branches,
          })}
          {outcome.view.reach.unmatched.length > 0 &&
            ` ${t('hq.publish.unmatched', { names: outcome.view.reach.unmatched.join(', ') })}`}
        </p>
      )}
      {outcome?.kind === 'failed' && <ErrorNote error={outcome.error} />}
    </form>
  );
}

function ReleaseTable({ releases }: { releases: HqReleaseView[] }) {
  const { t } = useTranslation();
  if (releases.length === 0) return <p className="muted">{t('hq.publish.none')}</p>;
  const scopeText = (scope: ReleaseScope) =>
    scope.kind === 'all'
      ? t('hq.publish.scopeKind.all')
      : scope.kind === 'regions'
        ? t('hq.publish.scopeRegions', { list: scope.regions.join(', ') })
        : t('hq.publish.scopeBranches', { list: scope.branches.join(', ') });
  return (
    <table className="hq-table">
      <caption className="sr-only">{t('hq.publish.releases')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('hq.publish.columns.plan')}</th>
          <th scope="col">{t('hq.publish.columns.scope')}</th>
          <th scope="col">{t('hq.publish.columns.terms')}</th>
          <th scope="col">{t('hq.publish.columns.published')}</th>
        </tr>
      </thead>
      <tbody>
        {releases.map((r) => (
          <tr key={`${r.planId}@${r.version}`}>
            <td>
              {r.planId} v{r.version}
              <div className="muted small mono" title={r.contentHash}>
                {r.contentHash.slice(0, 19)}…
              </div>
            </td>
            <td>{scopeText(r.scope)}</td>
            <td>{t(r.mandatory ? 'hq.publish.mandatoryBy' : 'hq.publish.advisoryFrom', { date: r.effectiveDate })}</td>
            <td>
              {formatDateTime(r.publishedAt)}
              <div className="muted small">{r.publishedBy}</div>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
