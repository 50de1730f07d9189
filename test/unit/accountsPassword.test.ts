/** Passwords are kept as salted scrypt hashes that carry their parameters; only the right password verifies. */
import { describe, expect, it } from 'vitest';
import { hashPassword, needsRehash, verifyPassword } from '../../src-main/modules/accounts/password';

// cheap parameters for the test's own hashes: the format and the check are the same
const FAST = { N: 1 << 10, r: 8, p: 1 };

describe('password hashing', () => {
  it('gives two hashes of the same password different salts, neither containing the password', () => {
    const a = hashPassword('correct horse', FAST);
    const b = hashPassword('correct horse', FAST);
    expect(a).not.toBe(b);
    expect(a.split('$')[4]).not.toBe(b.split('$')[4]);
    expect(a).not.toContain('correct horse');
    expect(a).toMatch(/^scrypt\$1024\$8\$1\$[\w-]+\$[\w-]+$/);
  });

  it('verifies the right password and refuses a wrong one, one off in case, and a malformed hash', () => {
    const h = hashPassword('correct horse', FAST);
    expect(verifyPassword('correct horse', h)).toBe(true);
    expect(verifyPassword('Correct horse', h)).toBe(false);
    expect(verifyPassword('', h)).toBe(false);
    expect(verifyPassword('correct horse', 'correct horse')).toBe(false);
    expect(verifyPassword('correct horse', h.replace('scrypt$1024', 'scrypt$1000'))).toBe(false);
  });

  it('verifies an old hash with the parameters stored in it, and says it needs a rehash', () => {
    const old = hashPassword('s3cret-pass', FAST);
    expect(verifyPassword('s3cret-pass', old)).toBe(true);
    expect(needsRehash(old)).toBe(true);
    expect(needsRehash(hashPassword('s3cret-pass'))).toBe(false);
  });
});
