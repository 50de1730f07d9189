import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';

/** .github/workflows/release.yml cannot run here: its YAML, jobs and references are checked instead. */
const repo = resolve(import.meta.dirname, '../../..');
const text = readFileSync(join(repo, '.github/workflows/release.yml'), 'utf8');
interface Step { uses?: string; run?: string; with?: Record<string, unknown>; env?: Record<string, string>; if?: string }
interface Job { name: string; 'runs-on': string; needs?: string | string[]; steps: Step[]; strategy?: { matrix: { include: { os: string; platform: string }[] } } }
const wf = parse(text) as { on: { push: { tags: string[] } }; permissions: Record<string, string>; env: Record<string, string>; jobs: Record<string, Job> };
const scripts = (JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
const runs = Object.values(wf.jobs).flatMap((j) => j.steps.map((s) => s.run ?? '')).join('\n');

describe('release workflow', () => {
  it('is valid YAML that runs on version tags with permission to write the release', () => {
    expect(wf.on.push.tags).toEqual(['v*']);
    expect(wf.permissions.contents).toBe('write');
  });

  it('runs the unit tests first, then builds installers on Windows, macOS and Linux runners', () => {
    expect(Object.keys(wf.jobs)).toEqual(['unit-tests', 'installers']);
    expect(wf.jobs['unit-tests']!.steps.map((s) => s.run).filter(Boolean)).toContain('npm run test:unit');
    expect(wf.jobs.installers!.needs).toBe('unit-tests');
    expect(wf.jobs.installers!['runs-on']).toBe('${{ matrix.os }}');
    expect(wf.jobs.installers!.strategy!.matrix.include.map((m) => [m.os, m.platform])).toEqual([
      ['windows-latest', '--win'],
      ['macos-latest', '--mac'],
      ['ubuntu-latest', '--linux'],
    ]);
  });

  it('uses a Node version package.json engines accepts, in every job', () => {
    const engines = (JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')) as { engines: { node: string } }).engines.node;
    expect(engines).toBe('>=20.19');
    expect(Number(wf.env.NODE_VERSION)).toBeGreaterThanOrEqual(22);
    for (const job of Object.values(wf.jobs)) {
      expect(job.steps.find((s) => s.uses?.startsWith('actions/setup-node'))?.with?.['node-version']).toBe('${{ env.NODE_VERSION }}');
    }
  });

  it('publishes to a draft release, signing only with the optional secrets', () => {
    const build = wf.jobs.installers!.steps.find((s) => s.run?.includes('electron-builder'))!;
    expect(build.run).toBe('npx electron-builder ${{ matrix.platform }} --publish always');
    expect(build.env).toMatchObject({ GH_TOKEN: '${{ secrets.GITHUB_TOKEN }}', CSC_LINK: '${{ secrets.CSC_LINK }}', APPLE_ID: '${{ secrets.APPLE_ID }}' });
    expect(readFileSync(join(repo, 'electron-builder.yml'), 'utf8')).toMatch(/publish:\n\s+- provider: github\n\s+releaseType: draft/);
  });

  it('references only npm scripts and files that exist', () => {
    const npmScripts = [...runs.matchAll(/npm run (?:-s )?([\w:-]+)/g)].map((m) => m[1]!);
    expect(npmScripts.length).toBeGreaterThan(0);
    for (const s of npmScripts) expect(scripts[s], `npm run ${s}`).toBeDefined();
    const files = [...runs.matchAll(/node ([\w./-]+\.m?js)/g)].map((m) => m[1]!);
    expect(files).toEqual(['scripts/packaging/checkTag.mjs']);
    for (const f of files) expect(existsSync(join(repo, f)), f).toBe(true);
  });
});
