import { IconTrace } from '../../components/icons';
import { PlaceholderScreen } from '../placeholder';

export function TraceabilityScreen() {
  return <PlaceholderScreen title="nav.traceability" heading="placeholder.traceability.title" body="placeholder.traceability.body" icon={IconTrace} testId="traceability-empty" />;
}
