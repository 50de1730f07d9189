/**
 * A chart and the table of the same numbers beside it (under it on a narrow window, or
 * when the table has too many columns to sit beside it): look or read. At 1366 px every
 * table fits its card without scrolling sideways: column heads wrap, figures do not.
 */
import { Grid, Paper, ScrollArea, Table, Title } from '@mantine/core';
import type { ReactNode } from 'react';

export interface SimpleTable {
  head: string[];
  rows: (string | number)[][];
  /** columns aligned right (numbers) */
  numeric?: number[];
}

/** More columns than this and the table goes under its chart, the whole width of the card. */
const BESIDE_MAX_COLUMNS = 4;

export function DataTable({ table, testId, maxHeight = 260 }: { table: SimpleTable; testId?: string; maxHeight?: number }) {
  return (
    <ScrollArea.Autosize mah={maxHeight} type="auto" offsetScrollbars="present">
      <Table striped highlightOnHover fz="xs" verticalSpacing={3} horizontalSpacing={6} stickyHeader data-testid={testId}>
        <Table.Thead>
          <Table.Tr>
            {table.head.map((h, i) => (
              <Table.Th key={i} ta={table.numeric?.includes(i) ? 'right' : 'left'} style={{ verticalAlign: 'bottom' }}>
                {h}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {table.rows.map((r, j) => (
            <Table.Tr key={j}>
              {r.map((c, i) => (
                <Table.Td key={i} ta={table.numeric?.includes(i) ? 'right' : 'left'} style={i === 0 ? { minWidth: 130 } : { whiteSpace: 'nowrap' }}>
                  {c}
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollArea.Autosize>
  );
}

export function ChartWithTable({ title, chart, table, testId }: { title: string; chart: ReactNode; table: SimpleTable; testId: string }) {
  const beside = table.head.length <= BESIDE_MAX_COLUMNS;
  return (
    <Paper withBorder p="sm" data-testid={testId}>
      <Title order={4} fz="sm" mb="xs">
        {title}
      </Title>
      <Grid gap="md">
        <Grid.Col span={beside ? { base: 12, md: 7 } : 12} data-testid={`${testId}-chart`}>
          {chart}
        </Grid.Col>
        <Grid.Col span={beside ? { base: 12, md: 5 } : 12}>
          <DataTable table={table} testId={`${testId}-table`} />
        </Grid.Col>
      </Grid>
    </Paper>
  );
}
