import { describe, expect, it } from 'vitest';
import { anonymousUser } from './anonymous-user';

describe('anonymousUser', () => {
  it('keeps a valid id from the cookie and sets no cookie', () => {
    const id = '0b6f2c1e-2f0a-4c4e-9a4b-1d2e3f405162';
    expect(anonymousUser(`a=1; tc_uid=${id}; b=2`, false)).toEqual({ userId: id });
  });
  it('issues a new http-only id when the cookie is missing or malformed', () => {
    for (const header of [null, 'tc_uid=<script>', 'other=1']) {
      const user = anonymousUser(header, true);
      expect(user.userId).toMatch(/^[0-9a-f-]{36}$/);
      expect(user.setCookie).toBe(`tc_uid=${user.userId}; Path=/; Max-Age=31536000; HttpOnly; SameSite=Lax; Secure`);
    }
  });
});
