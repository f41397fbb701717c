import { describe, expect, it } from 'vitest';
import { ARGON2_OPTIONS, checkPasswordPolicy, dummyVerify, hashPassword, passwordNeedsRehash, PASSWORD_ERRORS, verifyPassword } from './password.ts';
import { hash } from '@node-rs/argon2';

describe('password hashing', () => {
  it('hashes with argon2id and the OWASP parameters, with a fresh salt each time', async () => {
    const a = await hashPassword('correct horse battery');
    const b = await hashPassword('correct horse battery');
    expect(a).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(a).not.toBe(b);
    expect(passwordNeedsRehash(a)).toBe(false);
  });

  it('verifies the right password and rejects a wrong one', async () => {
    const h = await hashPassword('correct horse battery');
    expect(await verifyPassword({ hash: h, password: 'correct horse battery' })).toBe(true);
    expect(await verifyPassword({ hash: h, password: 'correct horse batterY' })).toBe(false);
  });

  it('returns false instead of throwing on a malformed hash', async () => {
    expect(await verifyPassword({ hash: 'not-a-hash', password: 'whatever123' })).toBe(false);
  });

  it('asks for a rehash when the parameters are weaker than today', async () => {
    const weak = await hash('correct horse battery', { ...ARGON2_OPTIONS, memoryCost: 8192, timeCost: 1 });
    expect(passwordNeedsRehash(weak)).toBe(true);
    expect(passwordNeedsRehash('garbage')).toBe(true);
  });

  it('dummyVerify completes without throwing', async () => {
    await expect(dummyVerify('anything at all')).resolves.toBeUndefined();
  });
});

describe('password policy', () => {
  it.each([
    ['short', '123456789', PASSWORD_ERRORS.tooShort],
    ['exactly 10', '1234567890', null],
    ['256 long', 'ab'.repeat(128), null],
    ['257 long', 'ab'.repeat(128) + 'c', PASSWORD_ERRORS.tooLong],
    ['one repeated char', 'aaaaaaaaaaaa', PASSWORD_ERRORS.tooSimple],
    ['one repeated emoji', '😀'.repeat(12), PASSWORD_ERRORS.tooSimple],
    ['a real passphrase', 'velo sous la pluie', null]
  ])('%s', (_name, password, expected) => {
    expect(checkPasswordPolicy({ password, email: 'someone@example.org' })).toBe(expected);
  });

  it('counts characters, not UTF-16 units (5 emoji are too short)', () => {
    expect(checkPasswordPolicy({ password: '😀😃😄😁😆', email: null })).toBe(PASSWORD_ERRORS.tooShort);
  });

  it('refuses the email address as password, whatever the case and spaces', () => {
    expect(checkPasswordPolicy({ password: 'Marie.Dupont@Example.org', email: 'marie.dupont@example.org' })).toBe(PASSWORD_ERRORS.equalsEmail);
    expect(checkPasswordPolicy({ password: 'marie.dupont@example.org', email: ' MARIE.DUPONT@example.org ' })).toBe(PASSWORD_ERRORS.equalsEmail);
    expect(checkPasswordPolicy({ password: 'marie.dupont@example.org!', email: 'marie.dupont@example.org' })).toBeNull();
  });
});
