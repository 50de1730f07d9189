import type { HandlerMap } from '../../api/handlers';
import { Columns } from './csvTable';
import { FileRefused } from './decode';
import { exportCsv } from './exportLists';
import { recogniseFormat, mappingSpec, resolveColumns } from './formats';
import { importOrders, previewImport } from './importOrders';
import { allMappings, deleteMapping, deleteSkuMapping, listMappings, listSkuMappings, saveMapping } from './mappings';
import { readFile, refusal } from './preview';

type ChannelOp = Extract<keyof typeof import('../../../src-shared/contract/channels').channelOps, string>;

export const channelHandlers: HandlerMap<ChannelOp> = {
  'channels.inspectFile': (ctx, input) => {
    let file;
    try {
      file = readFile(input);
    } catch (e) {
      if (e instanceof FileRefused) throw refusal(e, input.fileName);
      throw e;
    }
    const { table, encoding } = file;
    const cols = new Columns(table.headers);
    return {
      encoding,
      delimiter: table.delimiter,
      headers: table.headers,
      sample: table.records.slice(0, 20).map((r) => table.headers.map((_, i) => r[i] ?? '')),
      rows: table.records.length,
      recognised: recogniseFormat(table.headers),
      matchingMappings: allMappings(ctx)
        .filter((m) => resolveColumns(mappingSpec(m.columns, m.channel), cols).missing.length === 0)
        .map((m) => m.name),
    };
  },
  'channels.previewImport': previewImport,
  'channels.import': importOrders,
  'channels.saveMapping': saveMapping,
  'channels.listMappings': listMappings,
  'channels.deleteMapping': deleteMapping,
  'channels.skuMappings': listSkuMappings,
  'channels.deleteSkuMapping': deleteSkuMapping,
  'exports.csv': exportCsv,
};
