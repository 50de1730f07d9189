// electron-builder afterPack hook: flips Electron's fuses in the packaged binary before it is
// signed (fuses are baked into the executable; flipping after signing would break the signature).
// Electron's security checklist: the app cannot be run as plain Node, cookies are encrypted,
// the app loads only from app.asar and only an asar whose integrity checks out.
import { join } from 'node:path';
import { Arch } from 'electron-builder';
import { flipFuses, FuseV1Options, FuseVersion } from '@electron/fuses';

/** The fuse settings, exported so the configuration test can check them without Electron. */
export const FUSES = {
  version: FuseVersion.V1,
  [FuseV1Options.RunAsNode]: false,
  [FuseV1Options.EnableCookieEncryption]: true,
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
};

/** Where electron-builder put the Electron executable for each platform. */
export function electronBinary(context) {
  const { appOutDir, electronPlatformName, packager } = context;
  const name = packager.appInfo.productFilename;
  if (electronPlatformName === 'darwin' || electronPlatformName === 'mas') return join(appOutDir, `${name}.app`);
  if (electronPlatformName === 'win32') return join(appOutDir, `${name}.exe`);
  return join(appOutDir, packager.executableName);
}

export default async function afterPack(context) {
  // an arm64 mac binary must carry a signature to start at all: re-sign ad hoc after flipping
  const resetAdHocDarwinSignature = context.electronPlatformName === 'darwin' && context.arch === Arch.arm64;
  await flipFuses(electronBinary(context), { ...FUSES, resetAdHocDarwinSignature });
}
