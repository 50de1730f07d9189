import type Database from 'better-sqlite3';

/**
 * Two builds of better-sqlite3 live side by side: node_modules/better-sqlite3 is compiled
 * for Node (tests, CLI, browser mode); the Electron app loads a copy compiled for
 * Electron's ABI (scripts/electron-native.mjs, electron-builder's beforeBuild hook).
 * Electron's main process names that copy in this variable before the first open; worker
 * threads inherit it with the environment. Unset, better-sqlite3 loads its own (Node) build.
 */
export const SQLITE_BINDING_ENV = 'BOTTEGA_SQLITE_BINDING';

/** Options for every `new Database(...)` of the app: the caller's, plus the Electron binding when set. */
export function sqliteOptions(opts: Database.Options = {}): Database.Options {
  const binding = process.env[SQLITE_BINDING_ENV];
  return binding ? { ...opts, nativeBinding: binding } : opts;
}
