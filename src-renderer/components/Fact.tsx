import type { ReactNode } from 'react';
import { Text } from '@mantine/core';

/** One fact of a document's header (a small caps label over its value), as order, production and shipment pages show them. */
export function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div style={{ minWidth: 0 }}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600} style={{ letterSpacing: 0.3 }}>
        {label}
      </Text>
      <div>{children}</div>
    </div>
  );
}
