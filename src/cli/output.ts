/** How commands talk to people: tables and messages on stdout, problems on stderr. */
export interface Output {
  out(text: string): void;
  err(text: string): void;
  readonly isTTY: boolean;
}

export const processOutput: Output = {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
  get isTTY() {
    return Boolean(process.stderr.isTTY);
  },
};

export function table(rows: readonly (readonly string[])[], rightAligned: readonly number[] = []): string {
  const widths: number[] = [];
  for (const row of rows) for (const [i, cell] of row.entries()) widths[i] = Math.max(widths[i] ?? 0, cell.length);
  return rows
    .map((row) =>
      row
        .map((cell, i) => (rightAligned.includes(i) ? cell.padStart(widths[i] ?? 0) : cell.padEnd(widths[i] ?? 0)))
        .join("  ")
        .trimEnd(),
    )
    .join("\n");
}

export function json(value: unknown): string {
  return JSON.stringify(value, null, 2);
}

/** A one-line progress bar on a terminal; nothing when output is piped. */
export function progressBar(output: Output, total: number): ((done: { records: number; bytes: number }) => void) & { done(): void } {
  let last = 0;
  const draw = (p: { records: number; bytes: number }) => {
    if (!output.isTTY) return;
    const now = Date.now();
    if (now - last < 100) return;
    last = now;
    const ratio = total > 0 ? Math.min(1, p.bytes / total) : 0;
    const width = 30;
    const filled = Math.round(ratio * width);
    process.stderr.write(`\r[${"#".repeat(filled)}${".".repeat(width - filled)}] ${Math.round(ratio * 100)}%  ${p.records} records`);
  };
  return Object.assign(draw, {
    done() {
      if (output.isTTY) process.stderr.write("\r\x1b[K");
    },
  });
}
