import { IconProduction } from '../../components/icons';
import { PlaceholderScreen } from '../placeholder';

export function ProductionScreen() {
  return <PlaceholderScreen title="nav.production" heading="placeholder.production.title" body="placeholder.production.body" icon={IconProduction} testId="production-empty" />;
}
