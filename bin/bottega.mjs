#!/usr/bin/env node
// The `bottega` command. Runs the built CLI (out/main/cli.js, made by `npm run build`);
// from a source checkout that has not been built yet, runs the TypeScript through tsx.
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname, join } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const built = join(root, 'out', 'main', 'cli.js');
if (existsSync(built) && !process.env.BOTTEGA_FROM_SOURCE) {
  await import(pathToFileURL(built).href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import(pathToFileURL(join(root, 'src-main', 'cli', 'main.ts')).href);
}
