import type { Contract, OperationName, OutputOf, ParsedInputOf } from '../../src-shared/contract';
import type { Ctx } from './context';

/**
 * A handler is synchronous (better-sqlite3 transactions cannot span an await); only
 * queries that render documents (PDF streams) may return a promise.
 */
export type Handler<K extends OperationName> = (
  ctx: Ctx,
  input: ParsedInputOf<Contract[K]>,
) => OutputOf<Contract[K]> | (Contract[K]['kind'] extends 'query' ? Promise<OutputOf<Contract[K]>> : never);

/** A module's handlers: a subset of the contract, each typed by its own operation. */
export type HandlerMap<K extends OperationName> = { [P in K]: Handler<P> };

export type AllHandlers = HandlerMap<OperationName>;
