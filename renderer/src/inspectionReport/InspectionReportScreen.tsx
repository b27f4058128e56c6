// An inspection's printable report: placeholder until the screen is built.
import type { AppInfo } from '../../../shared/api/channels';

export function InspectionReportScreen({ inspectionId, host }: { inspectionId: string; host: AppInfo['host'] }) {
  return <main id="main" data-inspection={inspectionId} data-host={host} />;
}
