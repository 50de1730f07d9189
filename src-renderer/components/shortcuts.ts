/**
 * Keyboard first: "g" then a letter jumps to a screen, "n" starts a new record on the
 * screen that has one, "/" goes to the screen's search box. Ignored while typing in a
 * field (Ctrl/Cmd+K and Ctrl/Cmd+S work everywhere: see CommandPalette and useSaveShortcut).
 */
import { useEffect } from 'react';
import { useHotkeys } from '@mantine/hooks';
import { NAV, NEW_PATH, navEntryOf } from '../nav';
import { navigate, parseHash } from '../router';

function typingIn(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

export function useGlobalShortcuts(enabled: boolean): void {
  useEffect(() => {
    if (!enabled) return;
    let pendingG = 0;
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || typingIn(e.target)) return;
      if (document.querySelector('[role="dialog"][aria-modal="true"]')) return;
      const key = e.key.toLowerCase();
      if (pendingG && Date.now() - pendingG < 1200) {
        pendingG = 0;
        const entry = NAV.find((n) => n.key === key);
        if (entry) {
          e.preventDefault();
          navigate(entry.path);
        }
        return;
      }
      if (key === 'g') {
        pendingG = Date.now();
      } else if (key === 'n') {
        const screen = navEntryOf(parseHash(window.location.hash).segments[0]).id;
        const to = NEW_PATH[screen];
        if (to) {
          e.preventDefault();
          navigate(to);
        }
      } else if (key === '/') {
        const box = document.querySelector<HTMLInputElement>('[data-page-search]');
        if (box) {
          e.preventDefault();
          box.focus();
          box.select();
        }
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [enabled]);
}

/** Ctrl/Cmd+S saves the form on screen, even from inside a field. */
export function useSaveShortcut(save: () => void, enabled = true): void {
  useHotkeys(enabled ? [['mod+S', save, { preventDefault: true }]] : [], []);
}

export const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
export const MOD = isMac ? '⌘' : 'Ctrl';
