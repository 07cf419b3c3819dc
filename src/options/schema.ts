// zod/mini: the same checks as zod's classic API at a fraction of the size to load,
// which every run pays (see the README's performance section).
import * as z from 'zod/mini';
import {
  CONFLICT_POLICIES,
  FRAMEWORKS,
  FRAMEWORKS_BY_RUNTIME,
  PACKAGE_MANAGERS,
  PACKAGE_MANAGERS_BY_RUNTIME,
  PROVIDERS,
  RUNTIMES,
} from './catalog.ts';
import { flagFor } from './definitions.ts';
import { directoryProblem, packageNameProblem, pythonProjectNameProblem } from './names.ts';
import { usageError } from '../errors.ts';
import { showValue } from '../util/show-value.ts';

const choice = <const T extends readonly [string, ...string[]]>(key: string, values: T) =>
  z.enum(values, {
    error: (issue) =>
      `${flagFor(key)} must be one of: ${values.join(', ')}` +
      (issue.input === undefined ? '' : ` (got ${showValue(issue.input)})`),
  });

const checked = (key: string, problemOf: (value: string) => string | undefined) =>
  z.string({ error: `${flagFor(key)} is required` }).check(
    z.superRefine((value, ctx) => {
      const problem = problemOf(value);
      if (problem) ctx.addIssue({ code: 'custom', message: `${flagFor(key)}: ${problem}` });
    }),
  );

/** Each option on its own, so a flag can be checked before any prompt is shown. */
export const optionShapes = {
  directory: checked('directory', directoryProblem),
  name: checked('name', packageNameProblem),
  runtime: choice('runtime', RUNTIMES),
  framework: choice('framework', FRAMEWORKS),
  provider: choice('provider', PROVIDERS),
  packageManager: choice('packageManager', PACKAGE_MANAGERS),
  install: z.boolean(),
  git: z.boolean(),
  conflict: choice('conflict', CONFLICT_POLICIES),
};

export type OptionKey = keyof typeof optionShapes;

/** The single source of truth for a complete, valid set of options. */
export const optionsSchema = z.strictObject(optionShapes).check(
  z.superRefine((options, ctx) => {
    const allowed = FRAMEWORKS_BY_RUNTIME[options.runtime];
    if (!allowed.includes(options.framework)) {
      ctx.addIssue({
        code: 'custom',
        path: ['framework'],
        message: `--framework ${options.framework} does not run on --runtime ${options.runtime}; frameworks for ${options.runtime}: ${allowed.join(', ')}`,
      });
    }
    const managers = PACKAGE_MANAGERS_BY_RUNTIME[options.runtime];
    if (!managers.includes(options.packageManager)) {
      ctx.addIssue({
        code: 'custom',
        path: ['packageManager'],
        message: `--package-manager ${options.packageManager} does not install --runtime ${options.runtime} projects; for ${options.runtime}: ${managers.join(', ')}`,
      });
    }
    const pythonNameProblem = options.runtime === 'python' ? pythonProjectNameProblem(options.name) : undefined;
    if (pythonNameProblem) ctx.addIssue({ code: 'custom', path: ['name'], message: `--name: ${pythonNameProblem}` });
  }),
);

export type Options = z.infer<typeof optionsSchema>;

function parseWith<T>(schema: z.ZodMiniType<T>, input: unknown): T {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const [first, ...rest] = result.error.issues.map((issue) => issue.message);
  throw usageError(first ?? 'invalid options', rest);
}

/** Validates a complete options object; every problem becomes one line of a usage error. */
export const parseOptions = (input: unknown): Options => parseWith(optionsSchema, input);

/** Validates one option's value as given on the command line or in a prompt. */
export const parseOption = <K extends OptionKey>(key: K, value: unknown): Options[K] =>
  parseWith(optionShapes[key] as unknown as z.ZodMiniType<Options[K]>, value);

/** The message a prompt's `validate` shows: the same check the flag goes through. */
export function problemWith(key: OptionKey, value: unknown): string | undefined {
  const result = optionShapes[key].safeParse(value);
  return result.success ? undefined : result.error.issues[0]?.message.replace(/^[^:]*: /, '');
}
