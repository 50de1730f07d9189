import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request } from 'node:http';
import { createApp, type BottegaApp } from '../../src-main/api/app';
import { startHttpDoor, type HttpDoor } from '../../src-main/api/http';
import { fixedClock, tempDir } from '../support/tempDir';

let t: ReturnType<typeof tempDir>;
let app: BottegaApp;
let door: HttpDoor;

beforeAll(async () => {
  t = tempDir();
  app = createApp(t.dbPath, { now: fixedClock() });
  door = await startHttpDoor({ invoke: app.invoke, token: 'secret-token' });
});
afterAll(async () => {
  await door.close();
  app.close();
  t.cleanup();
});

/** Raw HTTP, so the test controls Host and Origin exactly as an attacker's page would. */
interface Answer {
  status: number;
  json: { ok: boolean; data?: unknown; error: { code: string; message: string; details: { issues: { path: unknown[] }[] } } };
  headers: Record<string, string | string[] | undefined>;
  bytes: number;
}

function post(path: string, body: string, headers: Record<string, string> = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: door.port, path, method: 'POST', headers: { 'content-type': 'application/json', host: `127.0.0.1:${door.port}`, ...headers } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const body = Buffer.concat(chunks);
          resolve({ status: res.statusCode ?? 0, json: JSON.parse(body.toString('utf8')), headers: res.headers, bytes: body.length });
        });
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

const auth = { authorization: 'Bearer secret-token' };
const item = JSON.stringify({ sku: 'CERA-SOIA', name: 'Cera di soia', kind: 'material', unit: 'kg' });
const countItems = () => (app.ctx.sqlite.prepare('SELECT count(*) AS n FROM items').get() as { n: number }).n;

describe('HTTP door', () => {
  it('binds loopback only', () => {
    const addr = door.server.address();
    expect(typeof addr === 'object' && addr?.address).toBe('127.0.0.1');
  });

  it('runs a command with the token', async () => {
    const r = await post('/api/catalog.createItem', item, auth);
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ ok: true, data: { sku: 'CERA-SOIA', unit: 'kg' } });
  });

  it('says the length of an answer instead of sending it chunked (keep-alive clients read it in one piece)', async () => {
    const r = await post('/api/catalog.createItem', JSON.stringify({ sku: 'CERA-€', name: 'Cera d’api è già qui', kind: 'material', unit: 'kg' }), auth);
    expect(r.status).toBe(200);
    expect(r.headers['transfer-encoding']).toBeUndefined();
    expect(Number(r.headers['content-length'])).toBe(r.bytes);
  });

  it('answers 401 without the right token, and writes nothing', async () => {
    const before = countItems();
    const none = await post('/api/catalog.createItem', item.replace('CERA-SOIA', 'NO-TOKEN'));
    const wrong = await post('/api/catalog.createItem', item.replace('CERA-SOIA', 'WRONG'), { authorization: 'Bearer nope' });
    expect([none.status, wrong.status]).toEqual([401, 401]);
    expect(none.json.error.code).toBe('UNAUTHORIZED');
    expect(countItems()).toBe(before);
  });

  it('refuses a foreign Host (DNS rebinding) and a foreign Origin', async () => {
    const host = await post('/api/catalog.searchItems', '{}', { ...auth, host: `evil.example:${door.port}` });
    const origin = await post('/api/catalog.searchItems', '{}', { ...auth, origin: 'https://evil.example' });
    expect([host.status, origin.status]).toEqual([403, 403]);
    const ok = await post('/api/catalog.searchItems', '{}', { ...auth, origin: `http://localhost:${door.port}` });
    expect(ok.status).toBe(200);
  });

  it('answers 400 to bad JSON and to input that breaks the schema, with the zod issues', async () => {
    const before = countItems();
    const bad = await post('/api/catalog.createItem', '{"sku": ', auth);
    expect(bad.status).toBe(400);
    expect(bad.json.error.message).toMatch(/not valid JSON/);
    const invalid = await post('/api/catalog.createItem', JSON.stringify({ sku: 'X', name: 'X', kind: 'material', unit: 'tons' }), auth);
    expect(invalid.status).toBe(400);
    expect(invalid.json.error.code).toBe('VALIDATION');
    expect(invalid.json.error.details.issues[0]!.path).toEqual(['unit']);
    expect(countItems()).toBe(before);
  });

  it('maps domain errors to their status and the same envelope', async () => {
    const dup = await post('/api/catalog.createItem', item, auth);
    expect(dup.status).toBe(409);
    expect(dup.json.error.code).toBe('CONFLICT');
    const unknown = await post('/api/nothing.here', '{}', auth);
    expect(unknown.status).toBe(404);
    const missing = await post('/api/catalog.getItem', '{"id": 999}', auth);
    expect([missing.status, missing.json.error.code]).toEqual([404, 'NOT_FOUND']);
  });
});

describe('HTTP door body limit', () => {
  it('answers a streamed body over the limit with 413 and an envelope (no reset), and runs nothing', async () => {
    const small = await startHttpDoor({ invoke: app.invoke, token: 'secret-token', maxBodyBytes: 1000 });
    try {
      const before = countItems();
      const answer = await new Promise<Pick<Answer, 'status' | 'json'>>((resolve, reject) => {
        // no Content-Length: the body arrives chunked, so the limit is found while reading
        const req = request(
          { host: '127.0.0.1', port: small.port, path: '/api/catalog.createItem', method: 'POST', headers: { host: `127.0.0.1:${small.port}`, ...auth, 'transfer-encoding': 'chunked' } },
          (res) => {
            let data = '';
            res.on('data', (c) => (data += c));
            res.on('end', () => resolve({ status: res.statusCode ?? 0, json: JSON.parse(data) }));
          },
        );
        req.on('error', reject);
        for (let i = 0; i < 10; i++) req.write('x'.repeat(500));
        req.end();
      });
      expect(answer.status).toBe(413);
      expect(answer.json).toMatchObject({ ok: false, error: { code: 'VALIDATION', details: { limitBytes: 1000 } } });
      expect(countItems()).toBe(before);
    } finally {
      await small.close();
    }
  });
});
