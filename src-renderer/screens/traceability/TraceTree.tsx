/**
 * The trace as a tree a person reads on the phone with a supplier: each lot with its
 * status colour, item, stock, and the quantity it gave (backward) or received (forward)
 * in which production order. A lot reached twice is drawn once; the second time it is
 * a dimmed reference. Branches expand and collapse (click, or Enter/Space on the row).
 */
import { useMemo, useState } from 'react';
import { Badge, Button, Group, Paper, Stack, Text, UnstyledButton } from '@mantine/core';
import type { TraceEdge, TraceLot } from '../../../src-shared/contract/trace';
import { traceTree, type TraceTreeNode, type WalkDirection } from '../../../src-shared/domain/traceGraph';
import { IconChevronDown, IconChevronRight } from '../../components/icons';
import { useI18n } from '../../i18n/I18nProvider';
import { Link } from '../../router';
import { CellText } from '../../components/CellText';
import { CardTitle, LotStatusBadge, STATUS_COLOR } from '../inventory/common';

type Node = TraceTreeNode<TraceEdge>;

/** Node keys by their path, so a lot drawn in two places has two keys. */
function keysOf(node: Node, path: string, out: string[], maxDepth: number, depth = 0): string[] {
  if (node.children.length > 0 && depth < maxDepth) {
    out.push(path);
    node.children.forEach((c, i) => keysOf(c, `${path}.${i}`, out, maxDepth, depth + 1));
  }
  return out;
}

export function TraceTree({ rootId, edges, direction, lots, testId }: { rootId: number; edges: TraceEdge[]; direction: WalkDirection; lots: Map<number, TraceLot>; testId: string }) {
  const { t } = useI18n();
  const tree = useMemo(() => traceTree(rootId, edges, direction, (a, b) => (lots.get(direction === 'backward' ? a.inputLotId : a.outputLotId)?.code ?? '').localeCompare(lots.get(direction === 'backward' ? b.inputLotId : b.outputLotId)?.code ?? '')), [rootId, edges, direction, lots]);
  // open the first three levels: a finished lot's whole recipe, a material's nearest products
  const [open, setOpen] = useState<Set<string>>(() => new Set(keysOf(tree, 'r', [], 3)));
  const toggle = (key: string) =>
    setOpen((prev) => {
      const next = new Set(prev);
      if (next.has(key)) next.delete(key);
      else next.add(key);
      return next;
    });

  return (
    <Paper withBorder p="md" radius="md" data-testid={testId}>
      <CardTitle
        right={
          tree.children.length > 0 ? (
            <Group gap={4}>
              <Button size="compact-xs" variant="subtle" onClick={() => setOpen(new Set(keysOf(tree, 'r', [], Infinity)))} data-testid={`${testId}-expand`}>
                {t('trace.tree.expandAll')}
              </Button>
              <Button size="compact-xs" variant="subtle" onClick={() => setOpen(new Set())}>
                {t('trace.tree.collapseAll')}
              </Button>
            </Group>
          ) : null
        }
      >
        {t(direction === 'backward' ? 'trace.section.backward' : 'trace.section.forward')}
      </CardTitle>
      {tree.children.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t(direction === 'backward' ? 'trace.tree.noInputs' : 'trace.tree.noOutputs')}
        </Text>
      ) : (
        <Stack gap={0} role="tree">
          <TreeRow node={tree} path="r" depth={0} open={open} toggle={toggle} lots={lots} direction={direction} />
        </Stack>
      )}
    </Paper>
  );
}

interface RowProps {
  node: Node;
  path: string;
  depth: number;
  open: Set<string>;
  toggle: (key: string) => void;
  lots: Map<number, TraceLot>;
  direction: WalkDirection;
}

function TreeRow({ node, path, depth, open, toggle, lots, direction }: RowProps) {
  const { t, fmt } = useI18n();
  const lot = lots.get(node.lotId);
  const isOpen = open.has(path);
  const hasChildren = node.children.length > 0;
  // the quantity on an edge is always of the input lot: what it gave to the batch
  const viaLot = node.via ? lots.get(node.via.inputLotId) : undefined;
  if (!lot) return null;
  return (
    <>
      <Group
        gap={6}
        wrap="nowrap"
        py={3}
        pl={depth * 22}
        role="treeitem"
        aria-expanded={hasChildren ? isOpen : undefined}
        data-testid={`trace-node-${lot.code}`}
        data-repeated={node.repeated || undefined}
        className="trace-row"
        preventGrowOverflow={false}
        style={{ borderLeft: `3px solid var(--mantine-color-${STATUS_COLOR[lot.status]}-5)`, opacity: node.repeated ? 0.6 : 1 }}
      >
        <UnstyledButton
          w={20}
          onClick={() => hasChildren && toggle(path)}
          aria-label={hasChildren ? (isOpen ? t('trace.tree.collapseAll') : t('trace.tree.expandAll')) : undefined}
          disabled={!hasChildren}
          style={{ display: 'flex', justifyContent: 'center' }}
        >
          {hasChildren ? isOpen ? <IconChevronDown size={14} /> : <IconChevronRight size={14} /> : null}
        </UnstyledButton>
        <Link to={`/traceability?lot=${encodeURIComponent(lot.code)}`} ff="monospace" size="sm" fw={600}>
          {lot.code}
        </Link>
        <CellText className="trace-row-name">{lot.item.name}</CellText>
        <Text size="xs" c="dimmed" ff="monospace">
          {lot.item.sku}
        </Text>
        {node.via && viaLot ? (
          <Badge variant="outline" color="gray" size="sm" radius="sm" tt="none" fw={500}>
            {t('trace.tree.gave', { qty: fmt.qty(node.via.qtyMilli, viaLot.item.unit), number: node.via.productionNumber })}
          </Badge>
        ) : null}
        <LotStatusBadge status={lot.status} size="xs" />
        <Text size="xs" c={lot.onHandMilli > 0 ? undefined : 'dimmed'} className="num">
          {fmt.qty(lot.onHandMilli, lot.item.unit)}
        </Text>
        {direction === 'backward' && lot.supplierLotCode ? (
          <CellText size="xs" c="dimmed" className="trace-row-supplier">
            {[lot.supplier?.name, t('trace.supplierLot', { code: lot.supplierLotCode })].filter(Boolean).join(' · ')}
          </CellText>
        ) : null}
        {node.repeated ? (
          <Text size="xs" c="dimmed" fs="italic">
            {t('trace.tree.seeAbove')}
          </Text>
        ) : null}
      </Group>
      {isOpen ? node.children.map((c, i) => <TreeRow key={`${path}.${i}`} node={c} path={`${path}.${i}`} depth={depth + 1} open={open} toggle={toggle} lots={lots} direction={direction} />) : null}
    </>
  );
}
