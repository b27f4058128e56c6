// A document's published versions, newest first, for plans and checklist templates alike: who wrote and approved
// each (and whether the author approved it themselves), when, why, its hash, and whether it is the one in use. What
// can be done with a version (view, compare, export, roll back) is the caller's.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlanHistoryView } from '../../../shared/api/channels';
import { VERSION_SOURCE_LABELS } from '../../../shared/library/labels';
import { formatLocalDateTime } from '../../../shared/time/localTime';
import { RevisedFor } from '../drillReview/RevisedFor';
import { displayTimeZone } from './displayTimeZone';
import { useLanguage } from './useLanguage';
import './libraryStrings';

export type VersionEntry = PlanHistoryView['versions'][number];

export function VersionList({
  versions,
  actions,
}: {
  /** Oldest first, as the history channels give them. */
  versions: readonly VersionEntry[];
  /** The buttons of one version's row, and anything shown under it. */
  actions: (version: VersionEntry) => ReactNode;
}) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const when = (at: string) => formatLocalDateTime(Date.parse(at), displayTimeZone(), false);
  return (
    <ol className="version-list" reversed>
      {[...versions].reverse().map((v) => (
        <li key={v.version} className="version-entry" aria-current={v.offered ? 'true' : undefined}>
          <p className="version-head">
            <strong>{t('docLibrary.version', { version: v.version })}</strong>
            {v.offered && <span className="badge badge-ok">{t('docLibrary.offered')}</span>} <span>{when(v.at)}</span> ·{' '}
            <span>{VERSION_SOURCE_LABELS[v.source][lang]}</span>
          </p>
          <dl className="facts small">
            {v.author && (
              <>
                <dt>{t('docLibrary.author')}</dt>
                <dd>{v.author.name}</dd>
              </>
            )}
            {v.approver && (
              <>
                <dt>{t('docLibrary.approver')}</dt>
                <dd>
                  {v.approver.name}
                  {v.selfApproved && <span className="badge badge-warning">{t('docLibrary.selfApproved')}</span>}
                </dd>
              </>
            )}
            {v.note && (
              <>
                <dt>{t('docLibrary.note')}</dt>
                <dd>{v.note}</dd>
              </>
            )}
            <RevisedFor actions={v.forActions} />
            <dt>{t('docLibrary.hash')}</dt>
            <dd>
              <code className="small">{v.contentHash}</code>
            </dd>
          </dl>
          {actions(v)}
        </li>
      ))}
    </ol>
  );
}
