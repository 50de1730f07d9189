/**
 * "Find lot": type our code or the supplier's, or scan it (a scanner types fast and ends
 * with Enter). One match opens the lot; several are listed to choose from.
 */
import { useCallback, useEffect, useState } from 'react';
import { Group, Loader, Popover, Stack, Text, TextInput, UnstyledButton } from '@mantine/core';
import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { Lot } from '../../../src-shared/contract/inventory';
import { call } from '../../api/client';
import { IconSearch } from '../../components/icons';
import { useI18n } from '../../i18n/I18nProvider';
import { navigate } from '../../router';
import { LotStatusBadge } from './common';
import { invErrorText } from './invErrors';
import { lotCodeFromScan, useScannerCapture } from './scan';

/** The lots a code names, exact matches first; the one to open when it is unambiguous. */
export async function findLot(qc: QueryClient, raw: string): Promise<{ lots: Lot[]; open: Lot | null }> {
  const q = lotCodeFromScan(raw);
  const ask = async (text: string) => {
    const input = { q: text, limit: 20 };
    return (await qc.fetchQuery({ queryKey: ['inventory.findLots', input], queryFn: () => call('inventory.findLots', input), staleTime: 0 })).lots;
  };
  let lots = await ask(q);
  // the server compares codes exactly; our codes are upper case, people type "l26251-1"
  if (lots.length === 0 && q !== q.toUpperCase()) lots = await ask(q.toUpperCase());
  const up = q.toUpperCase();
  const exact = lots.filter((l) => l.code.toUpperCase() === up || l.supplierLotCode?.toUpperCase() === up);
  const open = exact.length === 1 ? exact[0]! : lots.length === 1 ? lots[0]! : null;
  return { lots, open };
}

/** Anywhere in the inventory: a scan opens its lot, or the overview with the choices. */
export function useScanToLot(enabled = true): void {
  const qc = useQueryClient();
  const onScan = useCallback(
    (code: string) => {
      void findLot(qc, code).then(
        ({ open }) => navigate(open ? `/inventory/lots/${open.id}` : `/inventory?find=${encodeURIComponent(code)}`),
        () => navigate(`/inventory?find=${encodeURIComponent(code)}`),
      );
    },
    [qc],
  );
  useScannerCapture(onScan, enabled);
}

export function FindLot({ initial }: { initial?: string }) {
  const i18n = useI18n();
  const { t, fmt } = i18n;
  const qc = useQueryClient();
  const [text, setText] = useState(initial ?? '');
  const [busy, setBusy] = useState(false);
  const [found, setFound] = useState<{ q: string; lots: Lot[] } | null>(null);
  const [error, setError] = useState<string | null>(null);

  const run = useCallback(
    async (raw: string) => {
      const q = raw.trim();
      if (q === '') return;
      setBusy(true);
      setError(null);
      try {
        const { lots, open } = await findLot(qc, q);
        if (open) {
          setFound(null);
          navigate(`/inventory/lots/${open.id}`);
        } else {
          setFound({ q, lots });
        }
      } catch (err) {
        setError(invErrorText(err, i18n));
      } finally {
        setBusy(false);
      }
    },
    [qc, i18n],
  );

  // a scan elsewhere that named several lots lands here with ?find=
  useEffect(() => {
    if (initial) void run(initial);
  }, [initial, run]);

  return (
    <Popover opened={found !== null || error !== null} onChange={(o) => {
        if (!o) {
          setFound(null);
          setError(null);
        }
      }} position="bottom-end" width={420} shadow="md" withinPortal>
      <Popover.Target>
        <TextInput
          value={text}
          onChange={(e) => {
            setText(e.currentTarget.value);
            setFound(null);
            setError(null);
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              void run(text);
            } else if (e.key === 'ArrowDown' && found) {
              e.preventDefault();
              document.querySelector<HTMLElement>('.inv-pick-row')?.focus();
            } else if (e.key === 'Escape') {
              setFound(null);
              setError(null);
            }
          }}
          placeholder={t('inventory.find.placeholder')}
          aria-label={t('inventory.find.label')}
          leftSection={<IconSearch size={16} />}
          rightSection={busy ? <Loader size={14} /> : null}
          w={250}
          data-testid="find-lot"
          autoComplete="off"
          spellCheck={false}
        />
      </Popover.Target>
      <Popover.Dropdown p={6} data-testid="find-lot-results">
        {error ? (
          <Text size="sm" c="red" p={6}>
            {error}
          </Text>
        ) : found && found.lots.length === 0 ? (
          <Text size="sm" c="dimmed" p={6} data-testid="find-lot-none">
            {t('inventory.find.none', { q: found.q })}
          </Text>
        ) : (
          <Stack gap={2}>
            <Text size="xs" c="dimmed" px={6} pt={2}>
              {t('inventory.find.several', { count: found?.lots.length ?? 0 })}
            </Text>
            {found?.lots.map((l) => (
              <UnstyledButton
                key={l.id}
                className="inv-pick-row"
                onClick={() => navigate(`/inventory/lots/${l.id}`)}
                onKeyDown={(e) => {
                  const el = e.currentTarget;
                  const to = e.key === 'ArrowDown' ? el.nextElementSibling : e.key === 'ArrowUp' ? el.previousElementSibling : null;
                  if (to instanceof HTMLElement && to.classList.contains('inv-pick-row')) {
                    e.preventDefault();
                    to.focus();
                  }
                }}
                data-testid={`find-lot-${l.code}`}
              >
                <Group justify="space-between" wrap="nowrap" gap="xs">
                  <div style={{ minWidth: 0 }}>
                    <Text size="sm" ff="monospace" fw={600}>
                      {l.code}
                      {l.supplierLotCode ? (
                        <Text span size="xs" c="dimmed" ff="monospace">
                          {'  '}
                          {t('inventory.find.supplierLot', { code: l.supplierLotCode })}
                        </Text>
                      ) : null}
                    </Text>
                    <Text size="xs" c="dimmed" truncate>
                      {l.item.name} · {fmt.qty(l.onHandMilli, l.item.unit)}
                    </Text>
                  </div>
                  <LotStatusBadge status={l.status} size="xs" />
                </Group>
              </UnstyledButton>
            ))}
          </Stack>
        )}
      </Popover.Dropdown>
    </Popover>
  );
}
