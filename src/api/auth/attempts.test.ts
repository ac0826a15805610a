import { describe, expect, it } from 'vitest';
import { addressScope, LEAK_SECONDS, LoginThrottle } from './attempts.ts';

const settings = { perPair: 5, perAddress: 20, maxDelaySeconds: 60 };

/** Fails `count` attempts of `name` from `ip` at `now`; the waits asked along the way. */
function failMany(throttle: LoginThrottle, name: string, ip: string, count: number, now: number) {
  const waits: number[] = [];
  for (let i = 0; i < count; i++) waits.push(throttle.begin(name, ip, now).retryAfter);
  return waits;
}

describe('LoginThrottle', () => {
  it('lets the pair fail 5 times, then makes each attempt wait 1 s, 2 s, 4 s… up to the cap', () => {
    const throttle = new LoginThrottle(settings);
    let now = 1_000_000;
    expect(failMany(throttle, 'admin', '203.0.113.7', 5, now)).toEqual([0, 0, 0, 0, 0]);
    const waits: number[] = [];
    for (let i = 0; i < 9; i++) {
      const refused = throttle.begin('admin', '203.0.113.7', now).retryAfter;
      waits.push(refused);
      now += refused * 1000; // wait exactly as long as told, then fail again
      expect(throttle.begin('admin', '203.0.113.7', now).retryAfter).toBe(0);
    }
    expect(waits).toEqual([1, 2, 4, 8, 16, 32, 60, 60, 60]);
  });

  it('never stops the same user from another address', () => {
    const throttle = new LoginThrottle(settings);
    const now = 1_000_000;
    failMany(throttle, 'admin', '203.0.113.7', 50, now);
    expect(throttle.begin('admin', '203.0.113.7', now).retryAfter).toBeGreaterThan(0);
    expect(throttle.begin('admin', '198.51.100.1', now).retryAfter).toBe(0);
  });

  it('does not count a success, and a success forgets the pair', () => {
    const throttle = new LoginThrottle({ ...settings, perAddress: 100 });
    const now = 1_000_000;
    for (let round = 0; round < 10; round++) {
      expect(failMany(throttle, 'admin', '203.0.113.7', 4, now)).toEqual([0, 0, 0, 0]);
      const attempt = throttle.begin('admin', '203.0.113.7', now);
      expect(attempt.retryAfter).toBe(0);
      attempt.succeeded();
    }
    // 40 failures in all, but never 5 in a row: the pair is clear; the address kept its 40.
    expect(throttle.snapshot().pairs).toEqual([]);
    expect(throttle.snapshot().addresses.map(([, e]) => e.failures)).toEqual([40]);
    // Many successful logins from one address count for nothing.
    const other = new LoginThrottle(settings);
    for (let i = 0; i < 100; i++) {
      const attempt = other.begin('adviser', '198.51.100.1', now);
      expect(attempt.retryAfter).toBe(0);
      attempt.succeeded();
    }
    expect(other.snapshot()).toEqual({ pairs: [], addresses: [] });
  });

  it('slows an address that tries many names, but not the others', () => {
    const throttle = new LoginThrottle(settings);
    const now = 1_000_000;
    const waits = Array.from(
      { length: 22 },
      (_, i) => throttle.begin(`name${i}`, '203.0.113.7', now).retryAfter,
    );
    expect(waits.slice(0, 20).every((w) => w === 0)).toBe(true);
    expect(waits[20]).toBe(1);
    expect(throttle.begin('admin', '198.51.100.1', now).retryAfter).toBe(0);
  });

  it('counts concurrent attempts from their start, so a burst waits as a sequence would', () => {
    const throttle = new LoginThrottle(settings);
    const started = Array.from({ length: 8 }, () => throttle.begin('admin', '203.0.113.7', 5000));
    expect(started.map((a) => a.retryAfter)).toEqual([0, 0, 0, 0, 0, 1, 1, 1]);
  });

  it('forgets failures as they leak away', () => {
    const throttle = new LoginThrottle(settings);
    const now = 1_000_000;
    failMany(throttle, 'admin', '203.0.113.7', 5, now);
    expect(throttle.begin('admin', '203.0.113.7', now).retryAfter).toBe(1);
    // Two failures leaked: 3 left, under the pair's 5.
    expect(throttle.begin('admin', '203.0.113.7', now + 2 * LEAK_SECONDS * 1000).retryAfter).toBe(
      0,
    );
  });

  it('stores no user name and no address, only keyed hashes', () => {
    const throttle = new LoginThrottle(settings);
    const typed = 'correct-horse-battery'; // a password typed in the user name field
    throttle.begin(typed, '203.0.113.7', 1000);
    throttle.begin('admin', '2001:db8::1', 1000);
    const stored = JSON.stringify(throttle.snapshot());
    for (const secret of [typed, 'correct', 'admin', '203.0.113', '2001', 'db8']) {
      expect(stored).not.toContain(secret);
    }
    const { pairs, addresses } = throttle.snapshot();
    expect(pairs).toHaveLength(2);
    expect(addresses).toHaveLength(2);
    for (const [key, entry] of [...pairs, ...addresses]) {
      expect(key).toMatch(/^[A-Za-z0-9_-]{22}$/);
      expect(Object.keys(entry).sort()).toEqual(['failures', 'last']);
    }
    // Another process (another key) cannot match them.
    const other = new LoginThrottle(settings);
    other.begin(typed, '203.0.113.7', 1000);
    expect(other.snapshot().pairs[0]?.[0]).not.toBe(pairs[0]?.[0]);
  });

  it('keeps at most maxEntries per table, the least recently failed going first', () => {
    const throttle = new LoginThrottle({ ...settings, maxEntries: 100 });
    for (let i = 0; i < 1000; i++)
      throttle.begin(`guess-${i}`, `10.0.${i % 250}.${i >> 8}`, 1000 + i);
    const { pairs, addresses } = throttle.snapshot();
    expect(pairs.length).toBeLessThanOrEqual(100);
    expect(addresses.length).toBeLessThanOrEqual(100);
    expect(Math.min(...pairs.map(([, e]) => e.last))).toBeGreaterThanOrEqual(1900);
  });
});

describe('addressScope', () => {
  it('keeps IPv4 addresses, reads mapped ones as IPv4 and groups IPv6 by /64', () => {
    expect(addressScope('203.0.113.7')).toBe('203.0.113.7');
    expect(addressScope('::ffff:203.0.113.7')).toBe('203.0.113.7');
    expect(addressScope('2001:db8:1:2:3:4:5:6')).toBe('2001:db8:1:2::/64');
    expect(addressScope('2001:db8:1:2::99')).toBe('2001:db8:1:2::/64');
    expect(addressScope('2001:0db8:0001:0002:ffff::1')).toBe('2001:db8:1:2::/64');
    expect(addressScope('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(addressScope('::1')).toBe('0:0:0:0::/64');
    expect(addressScope('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
    expect(addressScope('64:ff9b::192.0.2.1')).toBe('64:ff9b:0:0::/64');
  });
});
