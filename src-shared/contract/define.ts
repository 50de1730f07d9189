import type { z } from 'zod';

/**
 * One operation of the app: whether it writes (command: runs in one SQLite transaction)
 * or only reads (query), and the zod schemas of what goes in and what comes out.
 * Its name is the key it has in the contract (`catalog.saveItem`). Every door (Electron
 * IPC, local HTTP, CLI) and the renderer's client are typed from these declarations.
 */
export type OperationKind = 'command' | 'query';

export interface Operation<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType, K extends OperationKind = OperationKind> {
  readonly kind: K;
  readonly summary: string;
  readonly input: I;
  readonly output: O;
}

export function command<I extends z.ZodType, O extends z.ZodType>(summary: string, input: I, output: O): Operation<I, O, 'command'> {
  return { kind: 'command', summary, input, output };
}

export function query<I extends z.ZodType, O extends z.ZodType>(summary: string, input: I, output: O): Operation<I, O, 'query'> {
  return { kind: 'query', summary, input, output };
}

/** What a caller may send (before zod defaults and transforms). */
export type InputOf<Op> = Op extends Operation<infer I, z.ZodType, OperationKind> ? z.input<I> : never;
/** What a handler receives (after parsing). */
export type ParsedInputOf<Op> = Op extends Operation<infer I, z.ZodType, OperationKind> ? z.output<I> : never;
export type OutputOf<Op> = Op extends Operation<z.ZodType, infer O, OperationKind> ? z.output<O> : never;
