/** A variable of the generated project's environment, as `.env.example` and the README describe it. */
export interface EnvVariable {
  name: string;
  description: string;
  /** Section of `.env.example` it is listed under; sections follow ENV_GROUP_ORDER. */
  group: EnvGroup;
  /** The value the app uses when the variable is unset (shown, never written as a secret). */
  default?: string;
  required: boolean;
  secret: boolean;
}

export const ENV_GROUP_ORDER = ['provider', 'ai', 'server', 'logging'] as const;
export type EnvGroup = (typeof ENV_GROUP_ORDER)[number];

export interface ScriptContext {
  /** How to run a package script with the chosen package manager, e.g. `npm run`. */
  run: string;
  /** The file `start` and `dev` run, given by the framework layer. */
  entry: string;
  /** Deno's `--allow-net` and `--allow-env` lists for the app's tasks (see plan/deno-permissions.ts). */
  allowNet: string;
  allowEnv: string;
}

/**
 * A layer is a folder under templates/ plus what it adds to the shared files
 * (package.json, .env.example, README). Its id is its folder.
 */
export interface Layer {
  id: string;
  requires?: readonly string[];
  dependencies?: Readonly<Record<string, string>>;
  devDependencies?: Readonly<Record<string, string>>;
  scripts?: (context: ScriptContext) => Record<string, string>;
  env?: readonly EnvVariable[];
  /** Variables a library reads on its own (not ours to document); Deno must be allowed them. */
  libraryEnv?: readonly string[];
  /** Hosts the app reaches by default (the provider's API), for Deno's `--allow-net`. */
  hosts?: readonly string[];
  /** package.json `engines`; a later layer overrides an earlier one. */
  engines?: Readonly<Record<string, string>>;
  /** Sections of .gitignore this layer needs, under a title comment each. */
  gitignore?: readonly { title: string; patterns: readonly string[]; /** Merged into existing projects too. */ secrets?: boolean }[];
  /** Output paths of this layer that must be executable (e.g. git hooks). */
  executables?: readonly string[];
  /** Framework layers: the program `start` runs. */
  entry?: string;
  /**
   * Adding to an existing project takes the module, not the project around it: these
   * template paths (or folders, ending in `/`) belong to a whole project and are left out.
   */
  projectOnly?: readonly string[];
  /** Like projectOnly, the other way round: when set, only these paths are added. */
  addOnly?: readonly string[];
  /** devDependencies only a whole project needs (its secret scan, say). */
  projectOnlyDevDependencies?: readonly string[];
  /** Node flags the layer's tests need (e.g. a resolution condition). */
  testNodeFlags?: readonly string[];
  /** Only used when adding to an existing project. */
  addModeOnly?: boolean;
}

export const defineLayer = <const T extends Layer>(layer: T): T => layer;
