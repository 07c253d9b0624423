// A small argument reader: global options anywhere, then the command words and their own options.
export interface ParsedArgs {
  words: string[];
  options: Map<string, string | true>;
}

const FLAGS = new Set(['json', 'no-seed', 'help', 'force']);

export function parseArgs(argv: string[]): ParsedArgs {
  const words: string[] = [];
  const options = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') continue;
    if (a.startsWith('--')) {
      const [key, inline] = a.slice(2).split(/=(.*)/su, 2) as [string, string | undefined];
      if (inline !== undefined) options.set(key, inline);
      else if (FLAGS.has(key) || i + 1 >= argv.length || argv[i + 1]!.startsWith('--')) options.set(key, true);
      else options.set(key, argv[++i]!);
    } else words.push(a);
  }
  return { words, options };
}

export class UsageError extends Error {}

export function optionString(args: ParsedArgs, key: string): string | undefined {
  const v = args.options.get(key);
  if (v === true) throw new UsageError(`--${key} 需要一个值`);
  return v;
}

export function optionId(args: ParsedArgs, key: string): number | undefined {
  const v = optionString(args, key);
  if (v === undefined) return undefined;
  return positiveInt(v, `--${key}`);
}

export function positiveInt(v: string | undefined, what: string): number {
  const n = Number(v);
  if (!v || !Number.isInteger(n) || n < 1) throw new UsageError(`${what} 应为正整数：${v ?? '(缺少)'}`);
  return n;
}
