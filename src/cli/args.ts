/** `--key value` and `--flag` pairs after `npm run x --`; unknown keys are refused so typos do not pass silently. */
export function parseArgs(argv: string[], known: { values: string[]; flags: string[] }): { values: Record<string, string>; flags: Set<string> } {
  const values: Record<string, string> = {};
  const flags = new Set<string>();
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i]!;
    if (!arg.startsWith('--')) throw new UsageError(`unexpected argument "${arg}"`);
    const key = arg.slice(2);
    if (known.flags.includes(key)) flags.add(key);
    else if (known.values.includes(key)) {
      const v = argv[i + 1];
      if (v === undefined || v.startsWith('--')) throw new UsageError(`--${key} needs a value`);
      values[key] = v;
      i += 1;
    } else throw new UsageError(`unknown option --${key} (known: ${[...known.values, ...known.flags].map((k) => `--${k}`).join(' ')})`);
  }
  return { values, flags };
}

export class UsageError extends Error {
  override name = 'UsageError';
}

/** CLI entry: print errors plainly and exit non-zero, never a stack trace for a usage mistake. */
export function runCli(main: () => Promise<void>): void {
  main().catch((err: unknown) => {
    const e = err as Error;
    console.error(e.name === 'UsageError' || e.name === 'ContentError' ? `error: ${e.message}` : e.stack ?? String(e));
    process.exit(e.name === 'UsageError' ? 2 : 1);
  });
}
