/**
 * The wait before attempt `attempt + 1`, after `attempt` failures: doubling from `baseMs` up to
 * `maxMs`, with "equal jitter" (half fixed, half random) so that notices that failed together,
 * when an SMSC went down, do not all come back at the same second when it recovers.
 */
export function backoffDelay(attempt: number, baseMs: number, maxMs: number, random: () => number): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
