import type { SearchHit } from '../../src-shared/contract/search';
import type { BottegaApp } from '../api/app';

export interface SearchOptions {
  rebuild: boolean;
  json: boolean;
}

const USAGE = 'Usage: bottega search TEXT… | bottega search --rebuild';

/**
 * `bottega search TEXT…`: what the app's search finds (one line per hit: kind, id, title,
 * subtitle). `bottega search --rebuild`: the search index emptied and filled again from
 * the tables in one transaction, for repair.
 */
export function searchCommand(app: BottegaApp, args: string[], opts: SearchOptions, out: (s: string) => void, err: (s: string) => void): number {
  if (opts.rebuild === args.length > 0) {
    err(USAGE);
    return 2;
  }
  const started = Date.now();
  const res = opts.rebuild ? app.invoke('search.rebuild', {}) : app.invoke('search.global', { q: args.join(' '), limit: 100 });
  if (!res.ok) {
    err(JSON.stringify(res));
    return res.error.code === 'VALIDATION' ? 2 : 1;
  }
  if (opts.json) out(JSON.stringify(res.data));
  else if (opts.rebuild) out(`Search index rebuilt: ${(res.data as { documents: number }).documents} documents in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  else for (const h of (res.data as { hits: SearchHit[] }).hits) out(`${h.kind.padEnd(17)} ${String(h.id).padStart(7)}  ${h.title}  ${h.subtitle}`.trimEnd());
  return 0;
}
