import type { Framework, Provider, Runtime } from '../options/catalog.ts';
import type { Layer } from './define-layer.ts';
import { baseLayer } from './base.ts';
import { nodeLayer } from './node.ts';
import { bunLayer } from './bun.ts';
import { denoLayer } from './deno.ts';
import { typescriptLayer } from './typescript.ts';
import { serverLayer, serverNodeLayer } from './server.ts';
import { noneLayer } from './none.ts';
import { expressLayer } from './express.ts';
import { fastifyLayer } from './fastify.ts';
import { honoBunLayer, honoDenoLayer, honoLayer, honoNodeLayer } from './hono.ts';
import { nextjsLayer } from './nextjs.ts';
import { addNodeLayer, MOUNT_LAYERS, mountSharedLayer } from './addition.ts';
import { anthropicLayer, openaiCompatibleLayer, openaiLayer } from './providers.ts';
import { fastapiLayer, flaskLayer, pythonLayer, pythonNoneLayer, pythonProviderLayers, pythonServerLayer } from './python.ts';

/** Each runtime's own layers; base is shared by all. */
interface RuntimeLayers {
  /** What every project of the runtime has (the shared TypeScript, then the runtime's own). */
  runtime: readonly Layer[];
  /** A framework, then its glue to the runtime where it needs one (Hono's server per runtime). */
  frameworks: Partial<Record<Framework, readonly Layer[]>>;
  providers: Record<Provider, Layer>;
  /** Layers a framework may require by id. */
  shared: readonly Layer[];
}

const TYPESCRIPT_PROVIDERS: Record<Provider, Layer> = { openai: openaiLayer, anthropic: anthropicLayer, 'openai-compatible': openaiCompatibleLayer };

const LAYERS_BY_RUNTIME: Record<Runtime, RuntimeLayers> = {
  node: {
    runtime: [typescriptLayer, nodeLayer],
    frameworks: { none: [noneLayer], express: [expressLayer], fastify: [fastifyLayer], hono: [honoLayer, honoNodeLayer], nextjs: [nextjsLayer] },
    providers: TYPESCRIPT_PROVIDERS,
    shared: [serverLayer, serverNodeLayer],
  },
  bun: {
    runtime: [typescriptLayer, bunLayer],
    frameworks: { none: [noneLayer], hono: [honoLayer, honoBunLayer] },
    providers: TYPESCRIPT_PROVIDERS,
    shared: [serverLayer],
  },
  deno: {
    runtime: [typescriptLayer, denoLayer],
    frameworks: { none: [noneLayer], hono: [honoLayer, honoDenoLayer] },
    providers: TYPESCRIPT_PROVIDERS,
    shared: [serverLayer],
  },
  python: {
    runtime: [pythonLayer],
    frameworks: { none: [pythonNoneLayer], fastapi: [fastapiLayer], flask: [flaskLayer] },
    providers: pythonProviderLayers,
    shared: [pythonServerLayer],
  },
};

export interface LayerChoice {
  runtime: Runtime;
  framework: Framework;
  provider: Provider;
}

/**
 * The layers of one project in the order they apply: base, runtime, what the framework
 * requires, the framework, the provider (and, when adding to an existing project, the
 * addition's own layers). Each template path belongs to exactly one of them.
 */
export function layersFor({ runtime, framework, provider }: LayerChoice, adding = false): Layer[] {
  const layersOfRuntime = LAYERS_BY_RUNTIME[runtime];
  const frameworkLayers = layersOfRuntime.frameworks[framework];
  if (!frameworkLayers) throw new Error(`no ${framework} layer for runtime ${runtime}`);
  const required = frameworkLayers.flatMap((frameworkLayer) =>
    (frameworkLayer.requires ?? []).map((id) => {
      const layer = layersOfRuntime.shared.find((candidate) => candidate.id === id);
      if (!layer) throw new Error(`layer ${frameworkLayer.id} requires unknown layer ${id}`);
      return layer;
    }),
  );
  const layers = [baseLayer, ...layersOfRuntime.runtime, ...required, ...frameworkLayers, layersOfRuntime.providers[provider]];
  const mount = MOUNT_LAYERS[framework];
  return adding ? [...layers, addNodeLayer, ...(mount ? [mountSharedLayer, mount] : [])] : layers;
}

/** The framework layer's entry file (what `start` runs). */
export function entryOf(layers: readonly Layer[]): string {
  const entry = layers.find((layer) => layer.entry)?.entry;
  if (!entry) throw new Error('no layer names an entry file');
  return entry;
}
