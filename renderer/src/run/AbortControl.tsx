// "中止": ends a run early, after a confirmation that asks for the reason (it goes into the record). A drill's
// confirmation speaks of the drill (中止本次演练？), a live incident's of the incident.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RunMode } from '../../../shared/journal/events';
import { ABORT_REASON_MAX } from '../../../shared/limits';
import { Dialog } from './Dialog';
import { CommandError } from './RunBanners';
import type { RunHandle } from './useRun';

const ABORT = 'abort';

export function AbortControl({
  run,
  mode,
}: {
  run: Pick<RunHandle, 'send' | 'pending' | 'error' | 'dismissError'>;
  mode: RunMode;
}) {
  const { t } = useTranslation();
  const context = { context: mode };
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const busy = run.pending.has(ABORT);
  const close = () => setOpen(false);
  return (
    <>
      <button type="button" className="danger-outline" onClick={() => setOpen(true)}>
        {t('run.abort')}
      </button>
      <Dialog open={open} onClose={close} labelledBy="abort-title" className="dialog-danger">
        <form
          className="dialog-form"
          onSubmit={async (event) => {
            event.preventDefault();
            if (!reason.trim()) return;
            if (await run.send(ABORT, { type: 'abort', reason: reason.trim() })) close();
          }}
        >
          <h2 id="abort-title">{t('run.abortTitle', context)}</h2>
          <p>{t('run.abortText', context)}</p>
          <label className="stacked-field">
            <span>{t('run.abortReason')}</span>
            <textarea
              value={reason}
              rows={3}
              maxLength={ABORT_REASON_MAX}
              required
              onChange={(e) => setReason(e.target.value)}
            />
          </label>
          <CommandError run={run} />
          <div className="dialog-actions">
            <button type="button" className="primary big" onClick={close}>
              {t('run.abortCancel', context)}
            </button>
            <button
              type="submit"
              className="danger big"
              disabled={busy || !reason.trim()}
              aria-busy={busy || undefined}
            >
              {busy ? t('run.pending') : t('run.abortConfirm', context)}
            </button>
          </div>
        </form>
      </Dialog>
    </>
  );
}
