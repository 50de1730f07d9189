import type { Contract, OperationName, OutputOf, ParsedInputOf } from '../../src-shared/contract';
import type { Ctx, ReadCtx } from './context';

/**
 * The queries that are not pure reads, by design, so they get the whole context and run
 * outside the read-only guard (api/readOnly.ts): sending a notification records what was sent after the mail
 * server answered (an await, so it cannot be a command's transaction), and a backup uses
 * the connection's online backup API, which needs the connection itself (it only reads).
 */
export type QueryGivenTheWriter = 'notifications.send' | 'system.makeBackup' | 'backups.runNow';
export const QUERIES_GIVEN_THE_WRITER: ReadonlySet<string> = new Set<QueryGivenTheWriter>(['notifications.send', 'system.makeBackup', 'backups.runNow']);

/**
 * A handler is synchronous (better-sqlite3 transactions cannot span an await); only
 * queries that render documents (PDF streams) may return a promise. A query gets the
 * reading half of the context (ReadCtx), a command the whole of it.
 */
export type Handler<K extends OperationName> = (
  ctx: K extends QueryGivenTheWriter ? Ctx : Contract[K]['kind'] extends 'query' ? ReadCtx : Ctx,
  input: ParsedInputOf<Contract[K]>,
) => OutputOf<Contract[K]> | (Contract[K]['kind'] extends 'query' ? Promise<OutputOf<Contract[K]>> : never);

/** A module's handlers: a subset of the contract, each typed by its own operation. */
export type HandlerMap<K extends OperationName> = { [P in K]: Handler<P> };

export type AllHandlers = HandlerMap<OperationName>;
