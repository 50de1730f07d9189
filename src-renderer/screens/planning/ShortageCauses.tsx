/**
 * Every order and production order short of one material: the whole shortage list names
 * only the first few of each row (a material every product uses is short for thousands),
 * so "+ N more" opens this list, asked of `planning.shortages` for that item alone.
 */
import { Group, Loader, Modal, ScrollArea, Text } from '@mantine/core';
import type { ShortageRowOut } from '../../../src-shared/contract/planning';
import { useApiQuery } from '../../api/hooks';
import { QueryError } from '../../components/QueryState';
import { useI18n } from '../../i18n/I18nProvider';
import { Link } from '../../router';

export function ShortageCauses({ row, onClose }: { row: ShortageRowOut; onClose(): void }) {
  const { t } = useI18n();
  const q = useApiQuery('planning.shortages', { itemId: row.item.id });
  const causes = q.data?.rows[0]?.causes;
  return (
    <Modal opened onClose={onClose} size="lg" title={<Text fw={650}>{t('planning.shortages.causes.title', { name: row.item.name, count: row.causeCount })}</Text>}>
      {q.error ? (
        <QueryError query={q} />
      ) : !causes ? (
        <Loader size="sm" />
      ) : (
        <ScrollArea.Autosize mah="60dvh" type="auto">
          <Group gap="xs" data-testid="shortage-causes">
            {causes.map((c) => (
              <Link key={`${c.kind}${c.id}`} to={c.kind === 'order' ? `/orders/${c.id}` : `/production/${c.id}`} size="sm" ff="monospace">
                {c.number}
              </Link>
            ))}
          </Group>
        </ScrollArea.Autosize>
      )}
    </Modal>
  );
}
