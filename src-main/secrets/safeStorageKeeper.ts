import type { SecretKeeper } from './secretKeeper';

/** The part of Electron's `safeStorage` we use (the OS keychain: Keychain, DPAPI, libsecret). */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plain: string): Buffer;
  decryptString(encrypted: Buffer): string;
}

/**
 * The desktop app's keeper: `setSecretKeeper(safeStorageKeeper(safeStorage))` in the main
 * process after app 'ready'. Where the OS offers no keychain, the caller keeps the key file.
 */
export function safeStorageKeeper(storage: SafeStorageLike): SecretKeeper {
  const tag = 'v1:os:';
  return {
    tag,
    seal: (plain) => tag + storage.encryptString(plain).toString('base64'),
    open(sealed) {
      if (!sealed.startsWith(tag)) return null;
      try {
        return storage.decryptString(Buffer.from(sealed.slice(tag.length), 'base64'));
      } catch {
        return null; // sealed by another user or PC
      }
    },
  };
}
