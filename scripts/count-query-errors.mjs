#!/usr/bin/env node
/**
 * Counts the renderer's data hooks (useApiQuery / usePagedList calls) whose error no code
 * ever reads — a failed query that would show an empty screen (issue 13, item 6).
 *
 *   node scripts/count-query-errors.mjs            # totals
 *   node scripts/count-query-errors.mjs --list     # and each unhandled hook, file:line
 *   node scripts/count-query-errors.mjs --json     # { total, unhandled: [file:line], onPurpose } (the unit test reads it)
 *
 * A hook counts as handled when its result is handed to <QueryState> / <QueryError> /
 * <DetailPage> / <ListResults> (query={x}, list={x}, queries={[…x…]}, also={[…x…]}), or the file reads x.error / x.isError, or a destructuring
 * takes `error`. A hook whose error is ignored on purpose carries the comment
 * `query-error: <why>` on its line or the line above; those are counted apart. Only the
 * hook's own function is searched (several functions of a file may each call theirs `q`).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

// --root <dir> counts another copy (the before figure: git archive HEAD~n src-renderer)
const at = process.argv.indexOf('--root');
const root = at > 0 ? process.argv[at + 1] : new URL('../src-renderer/', import.meta.url).pathname;
const list = process.argv.includes('--list');

function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? files(p) : /\.tsx?$/.test(name) ? [p] : [];
  });
}

const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
let total = 0;
let onPurpose = 0;
const unhandled = [];
for (const file of files(root)) {
  if (file.endsWith('api/hooks.ts')) continue; // the definitions, not uses
  const text = readFileSync(file, 'utf8');
  const lines = text.split('\n');
  lines.forEach((line, i) => {
    if (!/\b(useApiQuery|usePagedList)\(/.test(line) || /function (useApiQuery|usePagedList)/.test(line) || /^\s*(\*|\/\/)/.test(line)) return;
    total += 1;
    if (/query-error:/.test(line) || /query-error:/.test(lines[i - 1] ?? '')) {
      onPurpose += 1;
      return;
    }
    const named = /const\s+(\w+)\s*=\s*(useApiQuery|usePagedList)\(/.exec(line);
    const destructured = /const\s*\{([^}]*)\}\s*=\s*(useApiQuery|usePagedList)\(/.exec(line);
    // the hook's own function: from its line to the next top-level declaration
    let end = lines.findIndex((l, j) => j > i && /^(export )?(default )?(async )?(function|const|class) /.test(l));
    if (end < 0) end = lines.length;
    const scope = lines.slice(i, end).join('\n');
    let ok = false;
    if (named) {
      const v = escape(named[1]);
      ok =
        new RegExp(`\\b${v}\\.(error|isError)\\b`).test(scope) ||
        new RegExp(`(query|list)=\\{${v}\\}`).test(scope) ||
        new RegExp(`(queries|also)=\\{\\[[^\\]]*\\b${v}\\b[^\\]]*\\]\\}`).test(scope);
    } else if (destructured) {
      ok = /\berror\b/.test(destructured[1]);
    }
    if (!ok) unhandled.push(`${relative(root, file)}:${i + 1}`);
  });
}

if (process.argv.includes('--json')) {
  console.log(JSON.stringify({ total, unhandled, onPurpose }));
  process.exit(0);
}
console.log(`data hooks: ${total}; error never handled: ${unhandled.length}; ignored on purpose (query-error: comment): ${onPurpose}`);
if (list) for (const u of unhandled) console.log('  ' + u);
