import { describe, expect, it } from 'vitest';
import { randomIds } from './ids.js';

describe('random ids', () => {
  it("keep Gigya's shapes and never repeat, across many refills of the entropy pool", () => {
    const tokens = new Set<string>();
    const emailTokens = new Set<string>();
    for (let i = 0; i < 2000; i++) {
      const regToken = randomIds.regToken();
      expect(regToken).toMatch(/^RT1_[A-Za-z0-9_-]{32}$/);
      tokens.add(regToken);
      const emailToken = randomIds.emailAccountToken();
      expect(emailToken).toMatch(/^[0-9a-f]{64}$/);
      emailTokens.add(emailToken);
    }
    expect(tokens.size).toBe(2000);
    expect(emailTokens.size).toBe(2000);
    expect(randomIds.secret()).toMatch(/^[A-Za-z0-9+/]{32}$/);
    expect(randomIds.apiKey()).toMatch(/^3_[A-Za-z0-9_-]{64}$/);
    expect(randomIds.userKey()).toMatch(/^A[A-Za-z0-9]{11}$/);
  });

  it('mints UIDs as v4-shaped hex that sort by creation time', async () => {
    const first = randomIds.uid();
    await new Promise((resolve) => setTimeout(resolve, 2));
    const second = randomIds.uid();
    for (const uid of [first, second]) expect(uid).toMatch(/^[0-9a-f]{12}4[0-9a-f]{3}[89ab][0-9a-f]{15}$/);
    expect(first < second).toBe(true);
    expect(first.slice(12)).not.toBe(second.slice(12));
    expect(Number.parseInt(first.slice(0, 12), 16)).toBeGreaterThan(Date.now() - 60_000);
  });

  it('does not hand out the same bytes twice in a row', () => {
    const a = Buffer.from(randomIds.emailAccountToken(), 'hex');
    const b = Buffer.from(randomIds.emailAccountToken(), 'hex');
    expect(a.equals(b)).toBe(false);
  });
});
