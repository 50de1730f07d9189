/**
 * A tiny hash router: #/items, #/items/12, #/recipes/5?tab=edit. The hash keeps working
 * from file:// in Electron and from any path in browser mode, with no dependency.
 */
import { useSyncExternalStore, type MouseEvent, type ReactNode } from 'react';
import { Anchor, type AnchorProps } from '@mantine/core';

export interface Route {
  /** path segments: '#/items/12' → ['items', '12'] */
  segments: string[];
  query: URLSearchParams;
  /** the whole path, '/items/12' */
  path: string;
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

function snapshot(): string {
  return window.location.hash;
}

export function parseHash(hash: string): Route {
  const raw = hash.replace(/^#/, '') || '/';
  const [pathPart = '/', queryPart = ''] = raw.split('?');
  const segments = pathPart.split('/').filter(Boolean).map(decodeURIComponent);
  return { segments, query: new URLSearchParams(queryPart), path: '/' + segments.join('/') };
}

export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, snapshot, () => '');
  return parseHash(hash);
}

export function navigate(to: string, opts: { replace?: boolean } = {}): void {
  const hash = '#' + (to.startsWith('/') ? to : '/' + to);
  if (opts.replace) {
    window.history.replaceState(window.history.state, '', window.location.pathname + window.location.search + hash);
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  } else if (window.location.hash !== hash) {
    window.location.hash = hash;
  }
}

export function href(to: string): string {
  return '#' + (to.startsWith('/') ? to : '/' + to);
}

/** An anchor for in-app links: a real href (middle click, copy link) and no reload. */
export function Link({ to, children, ...rest }: { to: string; children: ReactNode; title?: string } & AnchorProps & { 'data-testid'?: string }) {
  const onClick = (e: MouseEvent<HTMLAnchorElement>) => {
    if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    navigate(to);
  };
  return (
    <Anchor href={href(to)} onClick={onClick} {...rest}>
      {children}
    </Anchor>
  );
}
