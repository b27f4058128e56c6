// What every screen must say, from `app.info`, for as long as it is true: that nothing can be recorded (use paper),
// and that the data folder is not the usual one (another folder has its own key and its own records). Neither can
// be dismissed; both are kept to a line or two so the runner's step and its Done button stay in view.
import { useTranslation } from 'react-i18next';
import type { AppInfo } from '../../../shared/api/channels';
import { useLanguage } from '../components/useLanguage';

export function ShellBanners({ info }: { info: AppInfo }) {
  return (
    <>
      <RecordingUnavailableBanner info={info} />
      <DataDirBanner info={info} />
    </>
  );
}

function RecordingUnavailableBanner({ info }: { info: AppInfo }) {
  const lang = useLanguage();
  if (!info.recordingUnavailable) return null;
  return (
    <div role="alert" className="shell-banner shell-banner-unrecorded" data-testid="recording-unavailable">
      <p>
        <span aria-hidden="true">⚠ </span>
        {info.recordingUnavailable[lang]}
      </p>
    </div>
  );
}

function DataDirBanner({ info }: { info: AppInfo }) {
  const { t } = useTranslation();
  if (info.dataDirSource === 'default') return null;
  return (
    <div role="status" className="shell-banner shell-banner-datadir" data-testid="data-dir-banner">
      <p>{t('app.dataDirNotDefault', { dir: info.dataDir, source: t(`app.dataDirSources.${info.dataDirSource}`) })}</p>
    </div>
  );
}
