/**
 * Secrets (the SMTP password) are stored sealed, with a key that is not in the database
 * file, so neither the file nor its backups hold them in clear. Where the key lives is up
 * to the process: a key file in the app-data folder for the CLI and browser mode; the OS
 * keychain through Electron's safeStorage in the desktop app (safeStorageKeeper.ts).
 * A sealed value names its keeper (`v1:kf:` / `v1:os:`); one that cannot be opened here (the
 * database moved to another PC) opens as null, and the app asks for the secret again.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultDataDir } from '../db/paths';
import { writeFileDurably } from '../db/durableFile';

export interface SecretKeeper {
  /** the prefix of what it seals: `v1:kf:` */
  readonly tag: string;
  seal(plain: string): string;
  /** null when it was sealed elsewhere or is damaged */
  open(sealed: string): string | null;
}

/** AES-256-GCM with a 32-byte key in `<dir>/secret.key` (made on first use, readable by the user only). */
export function keyFileKeeper(dir: string): SecretKeeper {
  const file = join(dir, 'secret.key');
  let key: Buffer | null = null;
  const loadKey = (): Buffer => {
    if (key) return key;
    if (!existsSync(file)) {
      mkdirSync(dir, { recursive: true });
      writeFileDurably(file, randomBytes(32));
      chmodSync(file, 0o600);
    }
    key = readFileSync(file);
    return key;
  };
  const tag = 'v1:kf:';
  return {
    tag,
    seal(plain) {
      const iv = randomBytes(12);
      const c = createCipheriv('aes-256-gcm', loadKey(), iv);
      const body = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
      return tag + Buffer.concat([iv, c.getAuthTag(), body]).toString('base64');
    },
    open(sealed) {
      if (!sealed.startsWith(tag)) return null;
      try {
        const raw = Buffer.from(sealed.slice(tag.length), 'base64');
        const d = createDecipheriv('aes-256-gcm', loadKey(), raw.subarray(0, 12));
        d.setAuthTag(raw.subarray(12, 28));
        return Buffer.concat([d.update(raw.subarray(28)), d.final()]).toString('utf8');
      } catch {
        return null; // another key: the file came from another PC
      }
    },
  };
}

let current: SecretKeeper | null = null;
let keyFile: SecretKeeper | null = null;
const keyFileOfThisUser = () => (keyFile ??= keyFileKeeper(process.env.BOTTEGA_KEY_DIR || defaultDataDir()));

/** The desktop app plugs in the OS keychain at start; tests plug in a key file of their own. */
export function setSecretKeeper(keeper: SecretKeeper | null): void {
  current = keeper;
  keyFile = null;
}

/** The keeper of this process: the one plugged in, else the key file in the app-data folder. */
export function secretKeeper(): SecretKeeper {
  return current ?? keyFileOfThisUser();
}

/** Opens a sealed value with the keeper that sealed it: this process's, or the key file (browser mode on the same PC). */
export function openSecret(sealed: string): string | null {
  const k = secretKeeper();
  if (sealed.startsWith(k.tag)) return k.open(sealed);
  return current && sealed.startsWith('v1:kf:') ? keyFileOfThisUser().open(sealed) : null;
}
