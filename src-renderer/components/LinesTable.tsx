/**
 * The editable lines of a document typed like a spreadsheet — an order, a recipe, a
 * purchase order, a goods receipt: a card with a title and "add line", a table whose
 * columns the editor names, a row number, a bin per row. Each editor keeps its own cells
 * (the fields differ); what every one of them drew the same way lives here.
 *
 *   const lines = useLineList(setLines, newLine);
 *   <LinesCard title={t('orders.lines')} addLabel={t('orders.line.add')} onAdd={lines.add} addTestId="order-line-add">
 *     <LinesTable numbered columns={[{ header: t('…item') }, { header: t('…qty'), width: 130 }]}>
 *       {rows.map((l, i) => (
 *         <LineRow key={l.key} number={i + 1} testId={`order-line-${i}`} remove={<RemoveLine … />}>
 *           <Table.Td>…</Table.Td>
 *         </LineRow>
 *       ))}
 *     </LinesTable>
 *   </LinesCard>
 */
import { useRef, type Dispatch, type ReactNode, type SetStateAction } from 'react';
import { ActionIcon, Button, Card, Group, Table, Text, Tooltip, type MantineSpacing } from '@mantine/core';
import { IconPlus, IconTrash } from './icons';

/** Change, add and remove lines kept by key; a removed last line leaves one blank line. `focusKey` is the line just added (its item box takes the focus). */
export function useLineList<L extends { key: number }>(setLines: Dispatch<SetStateAction<L[]>>, blank: () => L) {
  const focusKey = useRef<number | null>(null);
  return {
    focusKey,
    set: (key: number, patch: Partial<L>) => setLines((ls) => ls.map((l) => (l.key === key ? { ...l, ...patch } : l))),
    add: () => {
      const l = blank();
      focusKey.current = l.key;
      setLines((ls) => [...ls, l]);
    },
    remove: (key: number) => setLines((ls) => (ls.length > 1 ? ls.filter((l) => l.key !== key) : [blank()])),
  };
}

/** The card around the lines: title on the left, "add line" on the right. */
export function LinesCard({ title, addLabel, onAdd, addTestId, children }: { title: ReactNode; addLabel: ReactNode; onAdd(): void; addTestId: string; children: ReactNode }) {
  return (
    <Card withBorder radius="md" padding={0} mb="md">
      <Group justify="space-between" px="md" py="sm">
        <Text fw={600} size="sm">
          {title}
        </Text>
        <Button variant="light" size="xs" leftSection={<IconPlus size={14} />} onClick={onAdd} data-testid={addTestId}>
          {addLabel}
        </Button>
      </Group>
      {children}
    </Card>
  );
}

export interface LineColumn {
  header?: ReactNode;
  /** px; none: the column takes what is left */
  width?: number;
  align?: 'right';
  nowrap?: boolean;
}

/**
 * The table: with `fixed`, widths go in a colgroup and the layout is fixed (the columns
 * do not move while typing); else they are the header cells' widths. `numbered` adds the
 * row-number column first; a last, empty-headed column holds the bins.
 */
export function LinesTable({
  columns,
  numbered,
  numberWidth = 36,
  removeWidth = 48,
  fixed = true,
  spacing = 'sm',
  className,
  testId,
  children,
}: {
  columns: LineColumn[];
  numbered?: boolean;
  numberWidth?: number;
  removeWidth?: number;
  fixed?: boolean;
  spacing?: MantineSpacing;
  className?: string;
  testId?: string;
  children: ReactNode;
}) {
  return (
    <Table className={className} verticalSpacing={6} horizontalSpacing={spacing} style={fixed ? { tableLayout: 'fixed' } : undefined} data-testid={testId}>
      {fixed ? (
        <colgroup>
          {numbered ? <col style={{ width: numberWidth }} /> : null}
          {columns.map((c, i) => (
            <col key={i} style={c.width ? { width: c.width } : undefined} />
          ))}
          <col style={{ width: removeWidth }} />
        </colgroup>
      ) : null}
      <Table.Thead>
        <Table.Tr>
          {numbered ? <Table.Th /> : null}
          {columns.map((c, i) => (
            <Table.Th key={i} w={fixed ? undefined : c.width} ta={c.align} style={c.nowrap ? { whiteSpace: 'nowrap' } : undefined}>
              {c.header}
            </Table.Th>
          ))}
          <Table.Th w={fixed ? undefined : removeWidth} />
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>{children}</Table.Tbody>
    </Table>
  );
}

/** One line: its number (when the table is numbered), the editor's cells, the bin. */
export function LineRow({ number, testId, remove, children }: { number?: number; testId: string; remove: ReactNode; children: ReactNode }) {
  return (
    <Table.Tr data-testid={testId} style={{ verticalAlign: 'top' }}>
      {number !== undefined ? (
        <Table.Td pt={12}>
          <Text size="xs" c="dimmed" ta="right">
            {number}
          </Text>
        </Table.Td>
      ) : null}
      {children}
      <Table.Td>{remove}</Table.Td>
    </Table.Tr>
  );
}

/** The bin of a line. */
export function RemoveLine({ label, onRemove, testId }: { label: string; onRemove(): void; testId?: string }) {
  return (
    <Tooltip label={label}>
      <ActionIcon variant="subtle" color="gray" onClick={onRemove} aria-label={label} data-testid={testId} mt={4}>
        <IconTrash size={16} />
      </ActionIcon>
    </Tooltip>
  );
}
