import type { Framework, Provider, Runtime } from '../options/catalog.ts';
import type { Layer } from './define-layer.ts';
import { baseLayer } from './base.ts';
import { nodeLayer } from './node.ts';
import { serverLayer } from './server.ts';
import { noneLayer } from './none.ts';
import { expressLayer } from './express.ts';
import { fastifyLayer } from './fastify.ts';
import { honoLayer } from './hono.ts';
import { nextjsLayer } from './nextjs.ts';
import { addNodeLayer, MOUNT_LAYERS, mountSharedLayer } from './addition.ts';
import { anthropicLayer, openaiCompatibleLayer, openaiLayer } from './providers.ts';
import { fastapiLayer, flaskLayer, pythonLayer, pythonNoneLayer, pythonProviderLayers, pythonServerLayer } from './python.ts';

/** Each runtime's own layers; base is shared by all. */
interface RuntimeLayers {
  runtime: Layer;
  frameworks: Partial<Record<Framework, Layer>>;
  providers: Record<Provider, Layer>;
  /** Layers a framework may require by id. */
  shared: readonly Layer[];
}

const LAYERS_BY_RUNTIME: Record<Runtime, RuntimeLayers> = {
  node: {
    runtime: nodeLayer,
    frameworks: { none: noneLayer, express: expressLayer, fastify: fastifyLayer, hono: honoLayer, nextjs: nextjsLayer },
    providers: { openai: openaiLayer, anthropic: anthropicLayer, 'openai-compatible': openaiCompatibleLayer },
    shared: [serverLayer],
  },
  python: {
    runtime: pythonLayer,
    frameworks: { none: pythonNoneLayer, fastapi: fastapiLayer, flask: flaskLayer },
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
  const frameworkLayer = layersOfRuntime.frameworks[framework];
  if (!frameworkLayer) throw new Error(`no ${framework} layer for runtime ${runtime}`);
  const required = (frameworkLayer.requires ?? []).map((id) => {
    const layer = layersOfRuntime.shared.find((candidate) => candidate.id === id);
    if (!layer) throw new Error(`layer ${frameworkLayer.id} requires unknown layer ${id}`);
    return layer;
  });
  const layers = [baseLayer, layersOfRuntime.runtime, ...required, frameworkLayer, layersOfRuntime.providers[provider]];
  const mount = MOUNT_LAYERS[framework];
  return adding ? [...layers, addNodeLayer, ...(mount ? [mountSharedLayer, mount] : [])] : layers;
}

/** The framework layer's entry file (what `start` runs). */
export function entryOf(layers: readonly Layer[]): string {
  const entry = layers.find((layer) => layer.entry)?.entry;
  if (!entry) throw new Error('no layer names an entry file');
  return entry;
}
