import type { ReactNode } from 'react';
import { AppShell, Burger, Group, Kbd, NavLink, ScrollArea, Stack, Text, UnstyledButton } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useApiQuery } from '../api/hooks';
import { useI18n } from '../i18n/I18nProvider';
import { navFor, type ScreenId } from '../nav';
import { useCallerRole } from '../api/caller';
import { href, navigate } from '../router';
import { CommandPalette, openPalette } from './CommandPalette';
import { IconLogo, IconSearch } from './icons';
import { MOD, useGlobalShortcuts } from './shortcuts';
import { LanUserMenu } from '../screens/lan/LanUserMenu';

const GROUPS = [
  { id: 'work', label: 'nav.group.work' },
  { id: 'registry', label: 'nav.group.registry' },
  { id: 'system', label: 'nav.group.system' },
] as const;

export function AppLayout({ active, children }: { active: ScreenId; children: ReactNode }) {
  const { t } = useI18n();
  // a packing or production account on a tablet sees only the screens its role may use
  const nav = navFor(useCallerRole());
  const [opened, { toggle, close }] = useDisclosure(false);
  // query-error: settings.get is loaded before any screen shows — I18nProvider waits for it and shows its error with Retry
  const settings = useApiQuery('settings.get', {}, { staleTime: Infinity });
  const company = settings.data?.company.name ?? '';
  useGlobalShortcuts(true);

  return (
    <AppShell header={{ height: 52 }} navbar={{ width: 228, breakpoint: 'sm', collapsed: { mobile: !opened } }} padding="lg">
      <AppShell.Header className="app-header">
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={t('shell.toggleNav')} />
            <Group gap={8} wrap="nowrap" className="app-brand">
              <IconLogo size={22} />
              <Text fw={700} fz="lg" data-testid="app-name">
                {t('app.name')}
              </Text>
              <Text size="sm" c="dimmed" visibleFrom="md">
                {t('app.tagline')}
              </Text>
            </Group>
          </Group>
          <UnstyledButton className="palette-trigger" onClick={openPalette} data-testid="palette-open" aria-label={t('shell.search')}>
            <Group gap="xs" wrap="nowrap">
              <IconSearch size={16} />
              <Text size="sm" c="dimmed" style={{ flex: 1 }}>
                {t('shell.search')}
              </Text>
              <Kbd size="xs">{MOD}</Kbd>
              <Kbd size="xs">K</Kbd>
            </Group>
          </UnstyledButton>
          <Group gap="md" wrap="nowrap">
            <Text size="sm" c="dimmed" truncate maw={260} visibleFrom="md" data-testid="company-name">
              {company}
            </Text>
            <LanUserMenu />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" className="app-navbar">
        <AppShell.Section grow component={ScrollArea}>
          <Stack gap="md">
            {GROUPS.filter((g) => nav.some((n) => n.group === g.id)).map((g) => (
              <Stack gap={2} key={g.id}>
                <Text size="xs" fw={600} c="dimmed" tt="uppercase" px="sm" pt={4} pb={2} style={{ letterSpacing: 0.4 }}>
                  {t(g.label)}
                </Text>
                {nav.filter((n) => n.group === g.id).map((n) => (
                  <NavLink
                    key={n.id}
                    href={href(n.path)}
                    label={t(n.label)}
                    leftSection={<n.icon size={18} />}
                    active={active === n.id}
                    data-testid={`nav-${n.id}`}
                    className="app-navlink"
                    onClick={(e) => {
                      e.preventDefault();
                      navigate(n.path);
                      close();
                    }}
                  />
                ))}
              </Stack>
            ))}
          </Stack>
        </AppShell.Section>
      </AppShell.Navbar>
      <AppShell.Main className="app-main">{children}</AppShell.Main>
      <CommandPalette />
    </AppShell>
  );
}
