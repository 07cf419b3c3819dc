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

const RUNTIME_LAYERS: Record<Runtime, Layer> = { node: nodeLayer };
const FRAMEWORK_LAYERS: Record<Framework, Layer> = {
  none: noneLayer,
  express: expressLayer,
  fastify: fastifyLayer,
  hono: honoLayer,
  nextjs: nextjsLayer,
};
const PROVIDER_LAYERS: Record<Provider, Layer> = {
  openai: openaiLayer,
  anthropic: anthropicLayer,
  'openai-compatible': openaiCompatibleLayer,
};
const SHARED_LAYERS: Record<string, Layer> = { server: serverLayer };

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
  const frameworkLayer = FRAMEWORK_LAYERS[framework];
  const required = (frameworkLayer.requires ?? []).map((id) => {
    const layer = SHARED_LAYERS[id];
    if (!layer) throw new Error(`layer ${frameworkLayer.id} requires unknown layer ${id}`);
    return layer;
  });
  const layers = [baseLayer, RUNTIME_LAYERS[runtime], ...required, frameworkLayer, PROVIDER_LAYERS[provider]];
  const mount = MOUNT_LAYERS[framework];
  return adding ? [...layers, addNodeLayer, ...(mount ? [mountSharedLayer, mount] : [])] : layers;
}

/** The framework layer's entry file (what `start` runs). */
export function entryOf(layers: readonly Layer[]): string {
  const entry = layers.find((layer) => layer.entry)?.entry;
  if (!entry) throw new Error('no layer names an entry file');
  return entry;
}
