import { afterAll, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import afterPack from '../../../scripts/packaging/afterPack.mjs';
import { tempDir } from '../../support/tempDir';

/**
 * The afterPack hook run for real on a stand-in Electron executable: random bytes around the
 * fuse wire Electron embeds (sentinel, version 1, 8 fuses in Electron's shipped defaults).
 * @electron/fuses finds and flips it exactly as in the real binary.
 */
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
/** the wire's bytes: ASCII '0' and '1' (@electron/fuses does not export its FuseState enum) */
const FuseState = { DISABLE: 0x30, ENABLE: 0x31 } as const;
const t = tempDir('bottega-fuses-');
afterAll(() => t.cleanup());

describe('afterPack hook', () => {
  it("flips the packaged executable's fuses: no RunAsNode, cookie encryption, ASAR integrity, only the ASAR", async () => {
    // Electron's defaults: RunAsNode on, cookie encryption off, NODE_OPTIONS on, --inspect on,
    // ASAR integrity off, only-from-ASAR off, browser V8 snapshot off, file:// extra privileges on
    const wire = Buffer.concat([Buffer.from(SENTINEL), Buffer.from([1, 8]), Buffer.from('10110001')]);
    const binary = join(t.dir, 'bottega');
    writeFileSync(binary, Buffer.concat([randomBytes(4096), wire, randomBytes(4096)]));

    await afterPack({ appOutDir: t.dir, electronPlatformName: 'linux', arch: 1, packager: { appInfo: { productFilename: 'Bottega' }, executableName: 'bottega' } });

    const fuses = await getCurrentFuseWire(binary);
    expect(fuses[FuseV1Options.RunAsNode]).toBe(FuseState.DISABLE);
    expect(fuses[FuseV1Options.EnableCookieEncryption]).toBe(FuseState.ENABLE);
    expect(fuses[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(FuseState.DISABLE);
    expect(fuses[FuseV1Options.EnableNodeCliInspectArguments]).toBe(FuseState.DISABLE);
    expect(fuses[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(FuseState.ENABLE);
    expect(fuses[FuseV1Options.OnlyLoadAppFromAsar]).toBe(FuseState.ENABLE);
    expect(fuses[FuseV1Options.GrantFileProtocolExtraPrivileges]).toBe(FuseState.DISABLE);
  });
});
