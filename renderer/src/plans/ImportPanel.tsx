// Import of a plan file from elsewhere (another branch, head office): checked by the backend on the way in (the
// shared panel shows a refusal with its findings); an accepted one becomes a draft, shown at once against the
// version in use.
import { useTranslation } from 'react-i18next';
import { useApi } from '../api/ApiContext';
import { navigate } from '../app/router';
import { ImportPanel as DocumentImportPanel } from '../components/ImportPanel';
import './strings';

export function ImportPanel() {
  const { t } = useTranslation();
  const api = useApi();
  return (
    <DocumentImportPanel
      label={t('library.importFile')}
      refusedText={t('library.importRefused')}
      importFile={(fileName, content) => api.call('plans.import', { fileName, content })}
      onAccepted={({ draft: { draft } }) => {
        navigate({
          screen: 'plans',
          planId: draft.planId,
          view: draft.base ? { kind: 'compare', a: draft.base.version, b: 'draft' } : { kind: 'edit' },
        });
        return t('library.importAccepted');
      }}
    />
  );
}
