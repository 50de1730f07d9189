/**
 * The contract operations no test names: every operation of src-shared/contract whose name
 * (in quotes) appears in no file under test/.   node --import tsx scripts/untestedOperations.ts
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { contract } from '../src-shared/contract';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? files(p) : /\.(ts|tsx)$/.test(n) ? [p] : [];
  });
}

export function untestedOperations(testDir = 'test'): string[] {
  const text = files(testDir).map((f) => readFileSync(f, 'utf8')).join('\n');
  return Object.keys(contract).filter((name) => !text.includes(`'${name}'`) && !text.includes(`"${name}"`) && !text.includes(`\`${name}\``) && !text.includes(`/api/${name}`));
}

if (process.argv[1]?.endsWith('untestedOperations.ts')) {
  const list = untestedOperations();
  console.log(list.join('\n'));
  console.log(`${list.length} of ${Object.keys(contract).length} operations named by no test`);
}
