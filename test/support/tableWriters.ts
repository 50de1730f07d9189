/**
 * Who writes which table: every INSERT / UPDATE / DELETE / REPLACE in the SQL text of
 * src-main (string and template literals, read with the TypeScript parser) and every
 * drizzle `.insert(t)` / `.update(t)` / `.delete(t)`, each with the module of the file it
 * is in. A table's owner is the module whose schema.ts declares it.
 */
import ts from 'typescript';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

export interface TableWrite {
  table: string;
  file: string;
  line: number;
  /** the module the writing file belongs to: src-main/modules/<name>, or its top folder (demo, db, cli…) */
  writer: string;
}

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? files(p) : /\.ts$/.test(n) ? [p] : [];
  });
}

function moduleOf(file: string): string {
  const rel = relative(join(ROOT, 'src-main'), file).split(/[\\/]/);
  return rel[0] === 'modules' ? rel[1]! : rel[0]!;
}

/** table name → owning module, and schema export name → table name, from the modules' schema.ts files. */
export function tableOwners(): { owner: Map<string, string>; byExport: Map<string, string> } {
  const owner = new Map<string, string>();
  const byExport = new Map<string, string>();
  for (const mod of readdirSync(join(ROOT, 'src-main', 'modules'))) {
    const schema = join(ROOT, 'src-main', 'modules', mod, 'schema.ts');
    let text: string;
    try {
      text = readFileSync(schema, 'utf8');
    } catch {
      continue;
    }
    for (const m of text.matchAll(/export const (\w+) = (?:sqliteTable|virtualTable)\(\s*'(\w+)'/g)) {
      owner.set(m[2]!, mod);
      byExport.set(m[1]!, m[2]!);
    }
  }
  return { owner, byExport };
}

const WRITE = /\b(?:INSERT(?:\s+OR\s+\w+)?\s+INTO|REPLACE\s+INTO|UPDATE(?:\s+OR\s+\w+)?|DELETE\s+FROM)\s+[`"]?(\w+)[`"]?/gi;

export function tableWrites(): TableWrite[] {
  const { byExport } = tableOwners();
  const out: TableWrite[] = [];
  for (const file of files(join(ROOT, 'src-main'))) {
    const sf = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
    const at = (n: ts.Node) => sf.getLineAndCharacterOfPosition(n.getStart(sf)).line + 1;
    const add = (table: string, n: ts.Node) => out.push({ table, file: relative(ROOT, file), line: at(n), writer: moduleOf(file) });
    const visit = (n: ts.Node): void => {
      let text: string | null = null;
      if (ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n)) text = n.text;
      else if (ts.isTemplateExpression(n)) text = [n.head.text, ...n.templateSpans.map((s) => s.literal.text)].join(' ');
      if (text !== null) {
        for (const m of text.matchAll(WRITE)) {
          const t = m[1]!;
          // "UPDATE … SET" only: the word update also appears in prose and in ON UPDATE clauses
          if (/^update/i.test(m[0]) && !new RegExp(`UPDATE(?:\\s+OR\\s+\\w+)?\\s+[\`"]?${t}[\`"]?\\s+SET\\b`, 'i').test(text)) continue;
          if (/^(set|of|no|cascade)$/i.test(t)) continue;
          // temp.x is a connection's own temporary table (planning's plan epoch): not in the file, no owner
          if (/^temp$/i.test(t) && text.slice(m.index + m[0].length).startsWith('.')) continue;
          add(t, n);
        }
      }
      if (ts.isCallExpression(n) && ts.isPropertyAccessExpression(n.expression) && /^(insert|update|delete)$/.test(n.expression.name.text)) {
        const arg = n.arguments[0];
        if (arg && ts.isIdentifier(arg) && byExport.has(arg.text)) add(byExport.get(arg.text)!, n);
      }
      ts.forEachChild(n, visit);
    };
    visit(sf);
  }
  return out;
}
