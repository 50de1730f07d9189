import type { Contract, OperationName, OutputOf, ParsedInputOf } from '../../src-shared/contract';
import type { Ctx } from './context';

export type Handler<K extends OperationName> = (ctx: Ctx, input: ParsedInputOf<Contract[K]>) => OutputOf<Contract[K]>;

/** A module's handlers: a subset of the contract, each typed by its own operation. */
export type HandlerMap<K extends OperationName> = { [P in K]: Handler<P> };

export type AllHandlers = HandlerMap<OperationName>;
