// A drill's report (stub: being built).
import type { AppInfo } from '../../../shared/api/channels';

export function DrillReportScreen({ exerciseId }: { exerciseId: string; host: AppInfo['host'] }) {
  return <h1>{exerciseId}</h1>;
}
