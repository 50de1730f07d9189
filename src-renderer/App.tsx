import { Center, Loader } from '@mantine/core';
import { useApiQuery } from './api/hooks';
import { AppLayout } from './components/AppLayout';
import { useChangeFeed } from './api/changeFeed';
import { isDamaged, RecoveryScreen } from './components/RecoveryScreen';
import { useI18n } from './i18n/I18nProvider';
import { QueryError } from './components/QueryState';
import { RouteErrorBoundary } from './components/RouteErrorBoundary';
import { navEntryOf } from './nav';
import { useRoute } from './router';
import { CustomersScreen } from './screens/customers/CustomersScreen';
import { DashboardScreen } from './screens/dashboard/DashboardScreen';
import { FirstRunScreen } from './screens/first-run/FirstRunScreen';
import { InventoryScreen } from './screens/inventory/InventoryScreen';
import { ItemPage } from './screens/items/ItemPage';
import { ItemsScreen } from './screens/items/ItemsScreen';
import { OrdersScreen } from './screens/orders/OrdersScreen';
import { ProductionScreen } from './screens/production/ProductionScreen';
import { FloorScreen } from './screens/floor/FloorScreen';
import { PurchasingScreen } from './screens/purchasing/PurchasingScreen';
import { PlanningScreen } from './screens/planning/PlanningScreen';
import { RecipePage } from './screens/recipes/RecipePage';
import { RecipesScreen } from './screens/recipes/RecipesScreen';
import { SettingsScreen } from './screens/settings/SettingsScreen';
import { ActivityScreen } from './screens/activity/ActivityScreen';
import { ShipmentsScreen } from './screens/shipments/ShipmentsScreen';
import { PackingScreen } from './screens/packing/PackingScreen';
import { SuppliersScreen } from './screens/suppliers/SuppliersScreen';
import { PricesScreen } from './screens/prices/PricesScreen';
import { TraceabilityScreen } from './screens/traceability/TraceabilityScreen';
import { ReportsScreen } from './screens/reports/ReportsScreen';
import { InvoicesScreen } from './screens/invoices/InvoicesScreen';
import { PaymentsScreen } from './screens/payments/PaymentsScreen';

function Screen() {
  const route = useRoute();
  const [first, second] = route.segments;
  switch (navEntryOf(first).id) {
    case 'orders':
      return <OrdersScreen />;
    case 'production':
      return <ProductionScreen />;
    case 'floor':
      return <FloorScreen />;
    case 'planning':
      return <PlanningScreen />;
    case 'inventory':
      return <InventoryScreen />;
    case 'purchasing':
      return <PurchasingScreen />;
    case 'shipments':
      return <ShipmentsScreen />;
    case 'packing':
      return <PackingScreen />;
    case 'invoices':
      return <InvoicesScreen />;
    case 'payments':
      return <PaymentsScreen />;
    case 'traceability':
      return <TraceabilityScreen />;
    case 'reports':
      return <ReportsScreen />;
    case 'recipes':
      return second && Number(second) > 0 ? (
        <RecipePage key={second} itemId={Number(second)} query={route.query} />
      ) : (
        <RecipesScreen query={route.query} />
      );
    case 'items':
      return second ? <ItemPage key={second} id={second} query={route.query} /> : <ItemsScreen />;
    case 'customers':
      return <CustomersScreen selected={second} />;
    case 'suppliers':
      return <SuppliersScreen selected={second} />;
    case 'prices':
      return <PricesScreen segments={route.segments.slice(1)} />;
    case 'settings':
      return second === 'activity' ? <ActivityScreen /> : <SettingsScreen />;
    default:
      return <DashboardScreen />;
  }
}

export function App() {
  const route = useRoute();
  const i18n = useI18n();
  // what other devices change shows up here within a few seconds
  useChangeFeed();
  // while the background check of the file runs, ask again: damage found turns the window into the recovery screen
  const status = useApiQuery('system.status', {}, { refetchInterval: (q) => (q.state.data?.integrity === 'checking' ? 2000 : false), retry: (n, err) => !isDamaged(err) && n < 3 });
  if (isDamaged(status.error)) return <RecoveryScreen i18n={i18n} error={status.error} />;
  if (status.error) {
    return (
      <Center h="100dvh" p="md">
        <QueryError query={status} />
      </Center>
    );
  }
  if (!status.data) {
    return (
      <Center h="100dvh">
        <Loader />
      </Center>
    );
  }
  if (status.data.firstRun) return <FirstRunScreen dbPath={status.data.dbPath} />;
  return (
    <AppLayout active={navEntryOf(route.segments[0]).id}>
      <RouteErrorBoundary resetKey={route.path}>
        <Screen />
      </RouteErrorBoundary>
    </AppLayout>
  );
}
