/** Small pieces the Activity screen and a document's History share. */
import { Badge, Group } from '@mantine/core';
import type { AuditDoor } from '../../src-shared/contract/audit';
import { useI18n } from '../i18n/I18nProvider';
import { Link } from '../router';

const DOOR_COLOR: Record<AuditDoor, string> = { app: 'blue', browser: 'cyan', cli: 'grape', import: 'orange', demo: 'gray', lan: 'teal' };

export function DoorBadge({ door }: { door: AuditDoor }) {
  const { t } = useI18n();
  return (
    <Badge color={DOOR_COLOR[door]} variant="light" size="sm">
      {t(`audit.door.${door}`)}
    </Badge>
  );
}

/** Where a document of the log opens in the app; null for those without a page of their own. */
const PAGE_OF: Record<string, (id: string) => string> = {
  orders: (id) => `/orders/${id}`,
  production: (id) => `/production/${id}`,
  shipments: (id) => `/shipments/${id}`,
  lots: (id) => `/inventory/lots/${id}`,
  'purchase-orders': (id) => `/purchasing/${id}`,
  items: (id) => `/items/${id}`,
  customers: (id) => `/customers/${id}`,
  suppliers: (id) => `/suppliers/${id}`,
};

export function DocLinks({ docs }: { docs: string[] }) {
  return (
    <Group gap={6} wrap="wrap">
      {docs.map((d) => {
        const [kind = '', id = ''] = d.split('/');
        const page = PAGE_OF[kind];
        return page ? (
          <Link key={d} to={page(id)} size="sm" ff="monospace">
            {d}
          </Link>
        ) : (
          <span key={d} style={{ fontFamily: 'monospace', fontSize: 'var(--mantine-font-size-sm)' }}>
            {d}
          </span>
        );
      })}
    </Group>
  );
}
