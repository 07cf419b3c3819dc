import type { Framework } from '../../options/catalog.ts';
import type { ExistingProject } from '../../workspace/existing-project.ts';
import type { WiringSnippet } from '../types.ts';
import { styledSpecifier } from './import-style.ts';

/** The mount adapter of each framework that has one (layer mount/<framework>). */
const MOUNT_MODULES: Partial<Record<Framework, { file: string; call: string }>> = {
  express: { file: 'mount-express.ts', call: 'mountSecureAi(app, createSecureAi());' },
  hono: { file: 'mount-hono.ts', call: 'mountSecureAi(app, createSecureAi());' },
  fastify: { file: 'mount-fastify.ts', call: 'await mountSecureAi(app, createSecureAi());' },
};

/** What every adapter serves, under its default prefix (templates/mount/shared). */
const MOUNTED_ROUTES = 'POST /ai/api/chat and GET /ai/health';

/**
 * The exact lines that connect the added module to the project's own code. We print
 * them rather than edit the project's files: its entry point is the user's to change.
 */
export function wiringFor(project: ExistingProject, framework: Framework, moduleRoot: string): WiringSnippet[] {
  const folder = moduleRoot.slice(project.sourceDir === '.' ? 0 : project.sourceDir.length + 1);
  const from = (file: string) => styledSpecifier(`./${folder}/${file}`, project.importStyle);
  const where = project.sourceDir === '.' ? 'a file at the project root' : `a file in ${project.sourceDir}/`;
  // Next.js code is always written with import, whatever package.json says.
  const commonJs = project.moduleType === 'commonjs' && !project.typescript && framework !== 'nextjs';
  const language = project.typescript ? 'ts' : 'js';
  const importLine = (names: string, file: string) =>
    commonJs ? `const { ${names} } = require('${from(file)}');` : `import { ${names} } from '${from(file)}';`;

  if (framework === 'nextjs') {
    return [
      {
        comment: `POST /api/chat is served by ${project.appDir}/api/chat/route.ts: nothing to wire. Call the AI from server code only:`,
        language,
        code: [importLine('createSecureAi', 'index.ts'), 'const { ai } = createSecureAi();'].join('\n'),
      },
    ];
  }
  const mount = MOUNT_MODULES[framework];
  if (mount) {
    return [
      {
        comment: `In the file that creates your ${framework} app (${where}), right after creating \`app\` and before its app-wide middleware (body parsers, CORS). It adds ${MOUNTED_ROUTES} and nothing else:`,
        language,
        code: [importLine('createSecureAi', 'index.ts'), importLine('mountSecureAi', mount.file), mount.call].join('\n'),
      },
    ];
  }
  return [
    {
      comment: `Anywhere in your code (paths from ${where}); create it once at startup:`,
      language,
      code: [
        importLine('createSecureAi', 'index.ts'),
        'const { ai } = createSecureAi();',
        "const { text } = await ai.complete({ input: userText });",
      ].join('\n'),
    },
  ];
}
