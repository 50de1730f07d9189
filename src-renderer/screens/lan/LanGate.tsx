/**
 * On a page served by the LAN door (another device on the workshop's network), nothing of
 * the app shows before the device is paired and a person has logged in: this gate asks
 * /auth/me and shows the pairing screen, the login screen, or the app with the user in
 * the header. Everywhere else (the desktop window, the local browser mode) it is a no-op.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { Center, Loader } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { createTranslator, pickLanguage, type Lang } from '../../../src-shared/i18n';
import { onLanDoor, SIGNED_OUT_EVENT } from '../../api/client';
import { lanLogout, lanMe, type LanMe, type LanUser } from '../../api/lanAuth';
import { PairScreen } from './PairScreen';
import { LoginScreen } from './LoginScreen';

interface LanSession {
  user: LanUser;
  logout(): Promise<void>;
}

const LanSessionContext = createContext<LanSession | null>(null);

/** The logged-in person on the LAN door; null in the desktop window and the local browser mode. */
export function useLanSession(): LanSession | null {
  return useContext(LanSessionContext);
}

const LANG_KEY = 'bottega.lanLang';

export function LanGate({ children }: { children: ReactNode }) {
  if (!onLanDoor()) return <>{children}</>;
  return <LanGateOn>{children}</LanGateOn>;
}

function LanGateOn({ children }: { children: ReactNode }) {
  const qc = useQueryClient();
  const [me, setMe] = useState<LanMe | null>(null);
  const [failed, setFailed] = useState(false);
  const [lang, setLangState] = useState<Lang>(() => pickLanguage((localStorage.getItem(LANG_KEY) as Lang | null) ?? null, navigator.language));
  const t = useMemo(() => createTranslator(lang), [lang]);
  const setLang = (l: Lang) => {
    localStorage.setItem(LANG_KEY, l);
    setLangState(l);
  };

  const refresh = useCallback(async () => {
    try {
      const env = await lanMe();
      setFailed(!env.ok);
      if (env.ok) setMe(env.data);
    } catch {
      setFailed(true);
    }
  }, []);

  useEffect(() => {
    void refresh();
    const signedOut = () => {
      // what the last person saw must not stay in the cache for the next one
      qc.clear();
      void refresh();
    };
    window.addEventListener(SIGNED_OUT_EVENT, signedOut);
    return () => window.removeEventListener(SIGNED_OUT_EVENT, signedOut);
  }, [qc, refresh]);

  const session = useMemo<LanSession | null>(
    () =>
      me?.user
        ? {
            user: me.user,
            logout: async () => {
              await lanLogout().catch(() => undefined);
              qc.clear();
              await refresh();
            },
          }
        : null,
    [me, qc, refresh],
  );

  if (!me) {
    return (
      <Center h="100dvh" p="md">
        {failed ? t('lan.failed') : <Loader />}
      </Center>
    );
  }
  if (!me.paired) return <PairScreen t={t} lang={lang} setLang={setLang} onPaired={refresh} />;
  if (!session) return <LoginScreen t={t} lang={lang} setLang={setLang} deviceName={me.deviceName ?? ''} onLoggedIn={refresh} />;
  return <LanSessionContext.Provider value={session}>{children}</LanSessionContext.Provider>;
}
