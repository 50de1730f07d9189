import type { z } from 'zod';
import type { importInput } from '../../../src-shared/contract/channels';
import type { ReadCtx } from '../../api/context';
import { Columns } from './csvTable';
import { FileRefused } from './decode';
import { BUILTIN_SPECS, mappingSpec, recogniseFormat, resolveColumns, type Channel, type FormatSpec } from './formats';
import { allMappings, mappingByName } from './mappings';

type ImportInput = z.output<typeof importInput>;

/** Which layout to read the file with: what the caller said, else what the header says, else a saved mapping that fits. */
export function chooseSpec(ctx: ReadCtx, input: ImportInput, headers: string[]): { spec: FormatSpec; mappingName: string | null; recognised: boolean; channel: Channel } {
  if (input.mapping) {
    const channel = input.channel ?? 'other';
    return { spec: mappingSpec(input.mapping, channel), mappingName: null, recognised: false, channel };
  }
  if (input.mappingName) {
    const m = mappingByName(ctx, input.mappingName);
    if (!m) throw new FileRefused('mapping_not_found', `No saved mapping named "${input.mappingName}"`, { mappingName: input.mappingName });
    const channel = input.channel ?? m.channel;
    return { spec: mappingSpec(m.columns, channel), mappingName: m.name, recognised: false, channel };
  }
  if (input.format === 'mapping') {
    throw new FileRefused('mapping_not_found', 'Format "mapping" needs a column mapping or the name of a saved one');
  }
  if (input.format) {
    const spec = BUILTIN_SPECS[input.format];
    return { spec, mappingName: null, recognised: false, channel: input.channel ?? spec.defaultChannel };
  }
  const builtin = recogniseFormat(headers);
  if (builtin) {
    const spec = BUILTIN_SPECS[builtin];
    return { spec, mappingName: null, recognised: true, channel: input.channel ?? spec.defaultChannel };
  }
  const cols = new Columns(headers);
  // the saved mapping that uses the most of this header's columns, the latest saved on a tie
  let best: { spec: FormatSpec; name: string; channel: Channel; used: number } | null = null;
  for (const m of allMappings(ctx)) {
    const channel = input.channel ?? m.channel;
    const spec = mappingSpec(m.columns, channel);
    const r = resolveColumns(spec, cols);
    const used = Object.keys(r.at).length;
    if (r.missing.length === 0 && (!best || used > best.used)) best = { spec, name: m.name, channel, used };
  }
  if (best) return { spec: best.spec, mappingName: best.name, recognised: true, channel: best.channel };
  throw new FileRefused('unknown_format', 'The header matches no known export (Shopify, Etsy, Bottega) and no saved mapping: map its columns', { headers });
}
