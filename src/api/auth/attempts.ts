/**
 * Login throttling that an attacker cannot turn into a lock-out of someone else.
 *
 * Failed logins are counted per (user name, address) pair and per address, never per user name
 * alone: guessing `admin`'s password from one address slows that address's guesses at `admin`
 * (and, past more failures, every guess from that address), while `admin` logs in from their own
 * address as usual. Past `perPair` failures of a pair (or `perAddress` of an address), each
 * further attempt waits 1 s, then 2 s, 4 s… up to `maxDelaySeconds`; attempts made while waiting
 * are refused without being checked or counted. Counts leak away, one failure every
 * LEAK_SECONDS, so the occasional typo of a busy office behind one address never adds up. A
 * successful login is not a failure: it forgets its pair's failures (not its address's, or one
 * valid account would let an address reset its count at will).
 *
 * An attempt counts as a failure from the moment it starts until it succeeds, so a burst of
 * concurrent guesses is throttled as if they had come one after the other.
 *
 * Nothing typed is stored: both tables are keyed by an HMAC of the user name and the address under
 * a random key that lives in this process only, so a user name that matches no account (often a
 * password typed in the wrong field) is never kept, and neither is any address. Each table holds
 * at most `maxEntries` entries: the forgotten ones go first, then the least recently failed. In
 * memory: one server process (the embedded SQLite store). Replicas on one PostgreSQL store share
 * the same counts in the database instead (./shared-attempts.ts), with the same rules.
 */
import { createHmac, randomBytes } from 'node:crypto';
import { isIPv6 } from 'node:net';

/** How fast counts leak: one failure forgotten every this many seconds. */
export const LEAK_SECONDS = 300;

export interface ThrottleSettings {
  /** Failures of one user name from one address before attempts wait. */
  readonly perPair: number;
  /** Failures from one address, whatever the user names, before its attempts wait. */
  readonly perAddress: number;
  /** The longest wait, in seconds. */
  readonly maxDelaySeconds: number;
  /** Entries kept in each table (pairs, addresses). Default 10,000 (≈2 MB each at most). */
  readonly maxEntries?: number;
}

export interface Entry {
  /** Failures counted at `last`, before leaking. */
  failures: number;
  /** Epoch milliseconds of the last failure. */
  last: number;
}

/** An attempt under way: refused (wait > 0), or counted as a failure until it succeeds. */
export interface LoginAttempt {
  /** Seconds to wait before trying again; 0 when the attempt may go on. */
  readonly retryAfter: number;
  /** The password was right: the pair's failures are forgotten. */
  succeeded(): void | Promise<void>;
}

/** Starts login attempts: this process's tables, or the ones the replicas share. */
export interface AttemptCounter {
  begin(username: string, ip: string, now: number): LoginAttempt | Promise<LoginAttempt>;
}

/**
 * The part of an address that one attacker controls: an IPv4 address, or the /64 prefix of an
 * IPv6 one (a single host is routinely given a whole /64). IPv4-mapped IPv6 reads as IPv4.
 */
export function addressScope(ip: string): string {
  const address = ip.split('%')[0] ?? ip;
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(address);
  if (mapped?.[1]) return mapped[1];
  if (!isIPv6(address)) return address;
  const [head = '', tail] = address.split('::');
  const groupsOf = (part: string) =>
    part === '' ? [] : part.split(':').flatMap((g) => (g.includes('.') ? ['v4', 'v4'] : [g]));
  const before = groupsOf(head);
  const after = tail === undefined ? [] : groupsOf(tail);
  const zeros = Array<string>(8 - before.length - after.length).fill('0');
  const groups = [...before, ...zeros, ...after].slice(0, 4);
  return `${groups.map((g) => Number.parseInt(g, 16).toString(16)).join(':')}::/64`;
}

/**
 * The failures an entry still counts at `now`, after leaking. A `now` before the last failure
 * (another replica's attempt, begun later, counted first) leaks nothing.
 */
export function failuresAt(entry: Entry, now: number): number {
  const elapsed = Math.max(0, now - entry.last);
  return Math.max(0, entry.failures - Math.floor(elapsed / (LEAK_SECONDS * 1000)));
}

/**
 * Milliseconds until the next attempt may start, for an entry allowed `free` failures before it
 * waits (1 s, then doubling up to `maxDelayMs`).
 */
export function waitMsOf(
  entry: Entry | undefined,
  free: number,
  maxDelayMs: number,
  now: number,
): number {
  if (!entry) return 0;
  const failures = failuresAt(entry, now);
  if (failures < free) return 0;
  const delay = Math.min(maxDelayMs, 1000 * 2 ** (failures - free));
  return Math.max(0, entry.last + delay - now);
}

/** Keys of a (user name, address) pair and of the address, under an HMAC `secret`. */
export function throttleKeys(
  secret: Buffer,
  username: string,
  ip: string,
): { pair: string; address: string } {
  const key = (...parts: string[]) =>
    createHmac('sha256', secret).update(parts.join('\u0000')).digest('base64url').slice(0, 22);
  const scope = addressScope(ip);
  return { pair: key('pair', scope, username), address: key('address', scope) };
}

class LeakyTable {
  readonly entries = new Map<string, Entry>();
  constructor(
    private readonly free: number,
    private readonly maxDelayMs: number,
    private readonly maxEntries: number,
  ) {}

  /** Milliseconds until the next attempt may start. */
  waitMs(key: string, now: number): number {
    return waitMsOf(this.entries.get(key), this.free, this.maxDelayMs, now);
  }

  fail(key: string, now: number): void {
    const entry = this.entries.get(key);
    const failures = entry ? failuresAt(entry, now) : 0;
    // Re-inserted at the end: the map's order is the least recently failed first.
    this.entries.delete(key);
    if (this.entries.size >= this.maxEntries) this.makeRoom(now);
    this.entries.set(key, { failures: failures + 1, last: now });
  }

  /** Takes back one failure (an attempt that succeeded); the entry keeps its place. */
  undo(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    entry.failures -= 1;
    if (entry.failures <= 0) this.entries.delete(key);
  }

  forget(key: string): void {
    this.entries.delete(key);
  }

  private makeRoom(now: number): void {
    for (const [key, entry] of this.entries) {
      if (failuresAt(entry, now) === 0) this.entries.delete(key);
    }
    for (const key of this.entries.keys()) {
      if (this.entries.size < this.maxEntries) break;
      this.entries.delete(key);
    }
  }
}

export class LoginThrottle implements AttemptCounter {
  private readonly secret = randomBytes(32);
  private readonly pairs: LeakyTable;
  private readonly addresses: LeakyTable;

  constructor(settings: ThrottleSettings) {
    const maxDelayMs = settings.maxDelaySeconds * 1000;
    const maxEntries = settings.maxEntries ?? 10_000;
    this.pairs = new LeakyTable(settings.perPair, maxDelayMs, maxEntries);
    this.addresses = new LeakyTable(settings.perAddress, maxDelayMs, maxEntries);
  }

  /**
   * Starts a login attempt of `username` from `ip` at `now` (epoch ms): refused with the seconds
   * to wait, or counted as a failure until `succeeded()`.
   */
  begin(username: string, ip: string, now: number): LoginAttempt {
    const { pair, address } = throttleKeys(this.secret, username, ip);
    const waitMs = Math.max(this.pairs.waitMs(pair, now), this.addresses.waitMs(address, now));
    if (waitMs > 0) return { retryAfter: Math.ceil(waitMs / 1000), succeeded() {} };
    this.pairs.fail(pair, now);
    this.addresses.fail(address, now);
    return {
      retryAfter: 0,
      succeeded: () => {
        this.pairs.forget(pair);
        this.addresses.undo(address);
      },
    };
  }

  /** What the tables hold (tests): keys and failure counts, nothing else. */
  snapshot(): { pairs: [string, Entry][]; addresses: [string, Entry][] } {
    const copy = (table: LeakyTable) =>
      [...table.entries].map(([k, e]): [string, Entry] => [k, { ...e }]);
    return { pairs: copy(this.pairs), addresses: copy(this.addresses) };
  }
}
