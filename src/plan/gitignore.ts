import type { Layer } from '../layers/define-layer.ts';

/**
 * .gitignore from the layers' sections. The negation `!.env.example` must come after
 * `.env.*` inside the same section, which each layer's own ordering guarantees.
 */
export function gitignoreFor(layers: readonly Layer[]): string {
  const sections = layers.flatMap((layer) => layer.gitignore ?? []);
  return `${sections.map((section) => [`# ${section.title}`, ...section.patterns].join('\n')).join('\n\n')}\n`;
}
