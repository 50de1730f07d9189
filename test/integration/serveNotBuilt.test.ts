/** Issue 17 item 10: a browser opening `bottega serve` on a checkout that was never built is told how to build, not "Not found". */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { createApp, type BottegaApp } from '../../src-main/api/app';
import { startHttpDoor, type HttpDoor } from '../../src-main/api/http';
import { fixedClock, tempDir } from '../support/tempDir';

let t: ReturnType<typeof tempDir>;
let app: BottegaApp;
const doors: HttpDoor[] = [];

beforeAll(() => {
  t = tempDir();
  app = createApp(t.dbPath, { now: fixedClock() });
});
afterAll(async () => {
  for (const d of doors) await d.close();
  app.close();
  t.cleanup();
});

async function open(staticDir: string | undefined, path: string) {
  const door = await startHttpDoor({ invoke: app.invoke, token: 'secret-token', staticDir });
  doors.push(door);
  const res = await fetch(`http://127.0.0.1:${door.port}${path}`);
  return { status: res.status, type: res.headers.get('content-type'), body: await res.text() };
}

describe('serve without a built renderer', () => {
  it.each(['/', '/orders'])('GET %s with no out/renderer answers a page saying "npm run build"', async (path) => {
    const r = await open(undefined, path);
    expect(r.status).toBe(503);
    expect(r.type).toMatch(/text\/html/);
    expect(r.body).toContain('npm run build');
    expect(r.body).not.toBe('Not found');
  });

  it('an empty renderer folder (build interrupted) says the same', async () => {
    const empty = join(t.dir, 'renderer');
    mkdirSync(empty);
    const r = await open(empty, '/');
    expect([r.status, r.body.includes('npm run build')]).toEqual([503, true]);
  });
});
