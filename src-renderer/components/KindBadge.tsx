import { Badge } from '@mantine/core';
import type { ItemKind } from '../../src-shared/contract/common';
import { useI18n } from '../i18n/I18nProvider';

export const KIND_COLOR: Record<ItemKind, string> = {
  material: 'blue',
  packaging: 'gray',
  intermediate: 'orange',
  product: 'teal',
  service: 'grape',
};

export function KindBadge({ kind, size = 'sm' }: { kind: ItemKind; size?: 'xs' | 'sm' | 'md' }) {
  const { t } = useI18n();
  return (
    <Badge color={KIND_COLOR[kind]} variant="light" size={size} radius="sm" tt="none" fw={600}>
      {t(`kind.${kind}`)}
    </Badge>
  );
}
