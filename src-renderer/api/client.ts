/**
 * The renderer's one way to the app: `call(name, input)` typed from the contract.
 * Electron: through the preload's `window.bottega.invoke`. Browser mode: POST /api/<name>
 * with the per-launch token, which arrives once in the page URL (?token=…). Served by the
 * LAN door (HTTPS, another device): the same POST with the session cookie instead, sent
 * by the browser (HttpOnly: this code never sees it).
 */
import type { Contract, InputOf, OperationName, OutputOf } from '../../src-shared/contract';
import type { Envelope, ErrorCode, FieldIssue } from '../../src-shared/contract/errors';

declare global {
  interface Window {
    bottega?: {
      invoke(name: string, input: unknown): Promise<Envelope<unknown>>;
      platform?: string;
    };
  }
}

/** Codes from the contract, plus NETWORK when the app could not be reached at all. */
export type ClientErrorCode = ErrorCode | 'NETWORK';

export class ApiError extends Error {
  readonly code: ClientErrorCode;
  readonly details: Record<string, unknown>;
  constructor(code: ClientErrorCode, message: string, details: Record<string, unknown> = {}) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.details = details;
  }

  /** Field problems (VALIDATION, CONFLICT, UNIT_MISMATCH, and zod issues from the door). */
  get issues(): (FieldIssue & { code?: string })[] {
    const raw = this.details.issues;
    return Array.isArray(raw) ? (raw as (FieldIssue & { code?: string })[]) : [];
  }
}

const TOKEN_KEY = 'bottega.token';

/**
 * Reads the token from the address once, keeps it for this tab in sessionStorage and
 * takes it out of the address bar (so it is not bookmarked or shown).
 */
export function initTransport(): void {
  if (window.bottega?.invoke) return;
  const url = new URL(window.location.href);
  const token = url.searchParams.get('token');
  if (token) {
    sessionStorage.setItem(TOKEN_KEY, token);
    url.searchParams.delete('token');
    window.history.replaceState(window.history.state, '', url.pathname + url.search + url.hash);
  }
}

export function token(): string {
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

/** True when the page came from the LAN door: HTTPS, no preload (the local browser mode is plain HTTP on 127.0.0.1). */
export function onLanDoor(): boolean {
  return !window.bottega?.invoke && window.location.protocol === 'https:';
}

/** Fired when the LAN door says the session ended (idle, logged out elsewhere, device revoked): the login screen shows. */
export const SIGNED_OUT_EVENT = 'bottega:signed-out';

async function transport(name: string, input: unknown): Promise<Envelope<unknown>> {
  if (window.bottega?.invoke) return window.bottega.invoke(name, input);
  const lan = onLanDoor();
  let res: Response;
  try {
    res = await fetch('/api/' + encodeURIComponent(name), {
      method: 'POST',
      headers: lan ? { 'Content-Type': 'application/json' } : { 'Content-Type': 'application/json', Authorization: 'Bearer ' + token() },
      credentials: 'same-origin',
      body: JSON.stringify(input ?? {}),
    });
    if (lan && res.status === 401) window.dispatchEvent(new Event(SIGNED_OUT_EVENT));
  } catch (err) {
    throw new ApiError('NETWORK', err instanceof Error ? err.message : String(err));
  }
  try {
    return (await res.json()) as Envelope<unknown>;
  } catch {
    throw new ApiError(res.ok ? 'INTERNAL' : 'NETWORK', `HTTP ${res.status}: the answer is not JSON`);
  }
}

export async function call<K extends OperationName>(name: K, input: InputOf<Contract[K]>): Promise<OutputOf<Contract[K]>> {
  let env: Envelope<unknown>;
  try {
    env = await transport(name, input);
  } catch (err) {
    if (err instanceof ApiError) throw err;
    throw new ApiError('NETWORK', err instanceof Error ? err.message : String(err));
  }
  if (!env || typeof env !== 'object' || !('ok' in env)) throw new ApiError('INTERNAL', 'Malformed answer');
  if (env.ok) return env.data as OutputOf<Contract[K]>;
  throw new ApiError(env.error.code, env.error.message, env.error.details ?? {});
}
