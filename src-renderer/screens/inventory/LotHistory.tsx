/** The lot's past: movements (each reversible once), reservations and status changes. */
import { useState } from 'react';
import { ActionIcon, Anchor, Badge, Card, Modal, Stack, Table, Text, Textarea, Timeline, Tooltip } from '@mantine/core';
import type { Out } from '../../api/hooks';
import { useApiCommand } from '../../api/hooks';
import { notifySaved } from '../../components/notify';
import { useI18n } from '../../i18n/I18nProvider';
import type { Unit } from '../../../src-shared/domain/units';
import { CardTitle, IconUndo, LotStatusBadge, Qty, SignedQty } from './common';
import { InvErrorAlert, invFieldErrors } from './invErrors';
import { docLabelText, MOVEMENT_COLOR, reservationDocText } from './labels';
import { ActionFooter } from './LotActions';

type LotPageData = Out<'inventory.lot'>;
type Movement = LotPageData['movements'][number];

function jumpTo(id: number) {
  const row = document.getElementById(`mov-${id}`);
  if (!row) return;
  row.scrollIntoView({ block: 'center', behavior: 'smooth' });
  row.setAttribute('data-highlight', '');
  window.setTimeout(() => row.removeAttribute('data-highlight'), 1600);
}

export function MovementsCard({ movements, unit }: { movements: Movement[]; unit: Unit }) {
  const { t, fmt } = useI18n();
  const [reversing, setReversing] = useState<Movement | null>(null);
  // newest first: what just happened is what people check
  const rows = [...movements].reverse();

  return (
    <Card withBorder radius="md" padding={0} data-testid="lot-movements">
      <Stack gap={0} px="md" pt="sm">
        <CardTitle right={<Text size="xs" c="dimmed">{t('inventory.movements.count', { count: movements.length })}</Text>}>{t('inventory.movements.title')}</CardTitle>
      </Stack>
      {/* a plain scroller: Mantine's ScrollArea lets a table grow past the card instead of wrapping */}
      <div style={{ maxHeight: 520, overflowY: 'auto' }}>
        <Table className="inv-table" verticalSpacing={5} horizontalSpacing="xs" fz="sm" stickyHeader highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={44} pl="md">#</Table.Th>
              <Table.Th>{t('inventory.movements.date')}</Table.Th>
              <Table.Th>{t('inventory.movements.kind')}</Table.Th>
              <Table.Th ta="right">{t('inventory.movements.qty')}</Table.Th>
              <Table.Th>{t('inventory.movements.location')}</Table.Th>
              <Table.Th>{t('inventory.movements.document')}</Table.Th>
              <Table.Th w={44} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((m) => (
              <Table.Tr key={m.id} id={`mov-${m.id}`} data-testid={`movement-${m.id}`} data-reversed={m.reversedById !== null || undefined}>
                <Table.Td c="dimmed" className="num" pl="md">
                  {m.id}
                </Table.Td>
                <Table.Td className="num">{fmt.date(m.date)}</Table.Td>
                <Table.Td>
                  <Badge color={MOVEMENT_COLOR[m.kind]} variant="light" size="sm" styles={{ label: { overflow: 'visible' } }}>
                    {t(`inventory.movement.${m.kind}`)}
                  </Badge>
                </Table.Td>
                <Table.Td ta="right">
                  <SignedQty milli={m.qtyMilli} unit={unit} />
                </Table.Td>
                <Table.Td ff="monospace">{m.locationCode}</Table.Td>
                <Table.Td className="wrap" miw={180}>
                  <Text size="sm">{docLabelText(m.docLabel, t, fmt)}</Text>
                  {m.reason ? (
                    <Text size="xs" c="dimmed" lineClamp={2} title={m.reason}>
                      {m.reason}
                    </Text>
                  ) : null}
                  {m.reversesId !== null ? (
                    <Anchor component="button" type="button" size="xs" onClick={() => jumpTo(m.reversesId!)} data-testid={`reverses-${m.id}`}>
                      {t('inventory.movements.reverses', { id: String(m.reversesId) })}
                    </Anchor>
                  ) : null}
                  {m.reversedById !== null ? (
                    <Anchor component="button" type="button" size="xs" c="orange.8" onClick={() => jumpTo(m.reversedById!)} data-testid={`reversed-by-${m.id}`}>
                      {t('inventory.movements.reversedBy', { id: String(m.reversedById) })}
                    </Anchor>
                  ) : null}
                </Table.Td>
                <Table.Td>
                  {m.reversesId === null && m.reversedById === null ? (
                    <Tooltip label={t('inventory.reverse.action')}>
                      <ActionIcon variant="subtle" color="gray" size="sm" onClick={() => setReversing(m)} aria-label={t('inventory.reverse.action')} data-testid={`movement-reverse-${m.id}`}>
                        <IconUndo size={14} />
                      </ActionIcon>
                    </Tooltip>
                  ) : null}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </div>
      <ReverseModal movement={reversing} unit={unit} onClose={() => setReversing(null)} />
    </Card>
  );
}

function ReverseModal({ movement, unit, onClose }: { movement: Movement | null; unit: Unit; onClose(): void }) {
  const i18n = useI18n();
  const { t, fmt } = i18n;
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const reverse = useApiCommand('inventory.reverseMovement', {
    onSuccess: (out) => {
      notifySaved(t('inventory.reverse.done', { id: String(out.movement.reversesId ?? '') }));
      close();
    },
  });
  const close = () => {
    setReason('');
    setMissing(false);
    reverse.reset();
    onClose();
  };
  const errors = invFieldErrors(reverse.error, i18n);
  return (
    <Modal opened={movement !== null} onClose={close} title={t('inventory.reverse.title', { id: String(movement?.id ?? '') })} size="md">
      {movement ? (
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            if (reason.trim() === '') return setMissing(true);
            reverse.mutate({ movementId: movement.id, reason });
          }}
        >
          <Stack gap="sm">
            <Text size="sm">
              {t('inventory.reverse.body', {
                kind: t(`inventory.movement.${movement.kind}`).toLowerCase(),
                qty: fmt.qty(Math.abs(movement.qtyMilli), unit),
                date: fmt.date(movement.date),
                location: movement.locationCode,
              })}
            </Text>
            <Text size="sm" c="dimmed">
              {t('inventory.reverse.effect')} <SignedQty milli={-movement.qtyMilli} unit={unit} />
            </Text>
            {movement.kind === 'transfer' ? (
              <Text size="sm" c="dimmed">
                {t('inventory.reverse.transfer')}
              </Text>
            ) : null}
            <Textarea
              label={t('inventory.field.reason')}
              required
              autosize
              minRows={2}
              autoFocus
              value={reason}
              onChange={(e) => {
                setReason(e.currentTarget.value);
                setMissing(false);
              }}
              error={missing ? t('issue.required') : errors.reason}
              data-testid="reverse-reason"
            />
            <InvErrorAlert error={reverse.error} shownFields={['reason']} />
            <ActionFooter onCancel={close} pending={reverse.isPending} label={t('inventory.reverse.submit')} color="orange" />
          </Stack>
        </form>
      ) : null}
    </Modal>
  );
}

export function ReservationsCard({ reservations, unit }: { reservations: LotPageData['reservations']; unit: Unit }) {
  const { t, fmt } = useI18n();
  return (
    <Card withBorder radius="md" padding={0} data-testid="lot-reservations">
      <Stack gap={0} px="md" pt="sm">
        <CardTitle>{t('inventory.reservations.title')}</CardTitle>
      </Stack>
      <Table className="inv-table" verticalSpacing={5} horizontalSpacing="sm" fz="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('inventory.reservations.document')}</Table.Th>
            <Table.Th ta="right">{t('inventory.reservations.held')}</Table.Th>
            <Table.Th ta="right">{t('inventory.reservations.original')}</Table.Th>
            <Table.Th>{t('inventory.reservations.note')}</Table.Th>
            <Table.Th>{t('inventory.reservations.since')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {reservations.map((r) => (
            <Table.Tr key={r.id} data-testid={`reservation-${r.id}`}>
              <Table.Td>{reservationDocText(r.docType, r.docId, t)}</Table.Td>
              <Table.Td ta="right">
                <Qty milli={r.qtyMilli} unit={unit} strong />
              </Table.Td>
              <Table.Td ta="right">
                <Qty milli={r.originalMilli} unit={unit} />
              </Table.Td>
              <Table.Td className="wrap">{r.note}</Table.Td>
              <Table.Td className="num">{fmt.dateTime(r.createdAt)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Card>
  );
}

export function StatusChangesCard({ changes }: { changes: LotPageData['statusChanges'] }) {
  const { t, fmt } = useI18n();
  return (
    <Card withBorder radius="md" padding="md" data-testid="lot-status-changes">
      <CardTitle>{t('inventory.statusChanges.title')}</CardTitle>
      {changes.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('inventory.statusChanges.none')}
        </Text>
      ) : (
        <Timeline bulletSize={12} lineWidth={2} active={changes.length - 1}>
          {changes.map((c, i) => (
            <Timeline.Item key={i} title={<LotStatusBadge status={c.toStatus} size="xs" />} data-testid={`status-change-${i}`}>
              <Text size="xs" c="dimmed">
                {t('inventory.statusChanges.line', { from: t(`inventory.statusWord.${c.fromStatus}`), at: fmt.dateTime(c.at) })}
                {c.by ? ` · ${c.by}` : ''}
              </Text>
              {c.reason ? <Text size="sm">{c.reason}</Text> : null}
            </Timeline.Item>
          ))}
        </Timeline>
      )}
    </Card>
  );
}
