// Command-line parsing shared by the CLI's commands.

export class UsageError extends Error {
  /** The mark `isUsageError` reads: each command is its own bundle with its own copy of this class. */
  readonly usageError = true;
  constructor(
    message: string,
    readonly exitCode = 2,
  ) {
    super(message);
    this.name = 'UsageError';
  }
}

/** A UsageError from any bundle (`instanceof` sees only the class of its own bundle). */
export function isUsageError(e: unknown): e is UsageError {
  return e instanceof Error && (e as Partial<UsageError>).usageError === true && typeof (e as Partial<UsageError>).exitCode === 'number';
}

export interface ParsedArgs {
  positional: string[];
  /** --name value and --name=value options (last wins, except those listed as repeatable). */
  options: Map<string, string[]>;
  flags: Set<string>;
}

/**
 * Splits argv into positionals, options that take a value and boolean flags.
 * Unknown --options are a usage error, so a typo never silently changes the result.
 */
export function parseArgs(argv: string[], valued: string[], booleans: string[]): ParsedArgs {
  const out: ParsedArgs = { positional: [], options: new Map(), flags: new Set() };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      out.positional.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('--') || arg === '-') {
      out.positional.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq >= 0 ? arg.slice(2, eq) : arg.slice(2);
    if (valued.includes(name)) {
      const value = eq >= 0 ? arg.slice(eq + 1) : argv[++i];
      if (value === undefined) throw new UsageError(`--${name} needs a value`);
      out.options.set(name, [...(out.options.get(name) ?? []), value]);
    } else if (booleans.includes(name) && eq < 0) {
      out.flags.add(name);
    } else {
      throw new UsageError(`unknown option --${name}`);
    }
  }
  return out;
}

export function lastOption(args: ParsedArgs, name: string): string | undefined {
  const values = args.options.get(name);
  return values?.[values.length - 1];
}
