import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { isBrowserExposedSecret } from '../../src/doctor/rules/code/browser-exposed-secret.ts';
import { isClientModule } from '../../src/doctor/rules/code/ai-sdk-in-browser.ts';
import { auditRepo } from '../support/doctor-repo.ts';

/** The rule's findings as `file:line:column message`, in audit order. */
async function findings(files: Record<string, string>, ruleId: string): Promise<string[]> {
  const result = await auditRepo({ files }, ruleId);
  return result.findings.map((finding) => {
    assert.equal(finding.ruleId, ruleId);
    assert.equal(finding.severity, 'high');
    return `${finding.file}:${finding.line}:${finding.column} ${finding.message}`;
  });
}

const lines = (...text: string[]) => `${text.join('\n')}\n`;

describe('browser-exposed-secret', () => {
  test('a secret behind a public prefix, in code and in env files, once per name per file', async () => {
    const result = await findings(
      {
        'app/page.tsx': [
          "const key = process.env.NEXT_PUBLIC_OPENAI_API_KEY;",
          "const again = process.env.NEXT_PUBLIC_OPENAI_API_KEY;",
          'const vite = import.meta.env.VITE_OPENAI_KEY;',
        ].join('\n'),
        'src/routes/+page.svelte': "<script>\n  import { PUBLIC_ANTHROPIC_API_KEY } from '$env/static/public';\n</script>\n<p>hi</p>\n",
        '.env.example': '# comment\nNEXT_PUBLIC_GROQ_API_KEY=\nNEXT_PUBLIC_SUPABASE_SERVICE_ROLE_KEY=\n',
        '.env.production': 'REACT_APP_GEMINI_KEY=abc\n',
        'vite.config.ts': "export default { define: { 'process.env.VITE_SECRET': JSON.stringify(process.env.VITE_HF_TOKEN) } };\n",
      },
      'browser-exposed-secret',
    );
    assert.deepEqual(result, [
      ".env.example:2:1 `NEXT_PUBLIC_GROQ_API_KEY`: Next.js inlines NEXT_PUBLIC_ variables into the JavaScript it sends to browsers, so whatever secret it holds is readable by anyone who opens the site",
      ".env.example:3:1 `NEXT_PUBLIC_SUPABASE_SERVICE_ROLE_KEY`: Next.js inlines NEXT_PUBLIC_ variables into the JavaScript it sends to browsers, so whatever secret it holds is readable by anyone who opens the site",
      '.env.production:1:1 `REACT_APP_GEMINI_KEY`: Create React App inlines REACT_APP_ variables into the bundle, so whatever secret it holds is readable by anyone who opens the site',
      'app/page.tsx:1:25 `NEXT_PUBLIC_OPENAI_API_KEY`: Next.js inlines NEXT_PUBLIC_ variables into the JavaScript it sends to browsers, so whatever secret it holds is readable by anyone who opens the site',
      'app/page.tsx:3:30 `VITE_OPENAI_KEY`: Vite inlines VITE_ variables into the client bundle, so whatever secret it holds is readable by anyone who opens the site',
      'src/routes/+page.svelte:2:12 `PUBLIC_ANTHROPIC_API_KEY`: SvelteKit and Astro expose PUBLIC_ variables to browser code, so whatever secret it holds is readable by anyone who opens the site',
      'vite.config.ts:1:41 `VITE_SECRET`: Vite inlines VITE_ variables into the client bundle, so whatever secret it holds is readable by anyone who opens the site',
      'vite.config.ts:1:82 `VITE_HF_TOKEN`: Vite inlines VITE_ variables into the client bundle, so whatever secret it holds is readable by anyone who opens the site',
    ]);
  });

  test('near-misses: public-by-design names, unprefixed secrets, comments, tests, Python', async () => {
    const result = await findings(
      {
        'app/page.tsx': [
          '// Never do this: process.env.NEXT_PUBLIC_OPENAI_API_KEY',
          '/* VITE_ANTHROPIC_API_KEY */',
          'const a = process.env.NEXT_PUBLIC_SUPABASE_ANON_KEY;',
          'const b = process.env.NEXT_PUBLIC_STRIPE_PUBLISHABLE_KEY;',
          'const c = import.meta.env.VITE_API_URL;',
          'const d = process.env.NEXT_PUBLIC_POSTHOG_KEY;',
          'const e = process.env.NEXT_PUBLIC_FIREBASE_API_KEY;',
          'const f = process.env.NEXT_PUBLIC_GOOGLE_MAPS_API_KEY;',
          'const g = process.env.NEXT_PUBLIC_TOKEN_ADDRESS;',
          'const h = process.env.OPENAI_API_KEY;',
          'const i = process.env.MY_PUBLIC_API_KEY;',
          'const j = import.meta.env.VITE_OPENAI_MODEL;',
        ].join('\n'),
        '.env.example': '# NEXT_PUBLIC_OPENAI_API_KEY= (never: see README)\nPUBLIC_MAX_TOKENS=512\nOPENAI_API_KEY=\n',
        'test/env.test.ts': "assert.equal(process.env.NEXT_PUBLIC_OPENAI_API_KEY, undefined);\n",
        'server/main.py': 'key = os.environ["NEXT_PUBLIC_OPENAI_API_KEY"]\n',
        'README.md': 'Do not name it NEXT_PUBLIC_OPENAI_API_KEY.\n',
      },
      'browser-exposed-secret',
    );
    assert.deepEqual(result, []);
  });

  test("build configs that inline any name: next.config's env, vite.config's define", async () => {
    const result = await findings(
      {
        'next.config.mjs': lines('export default {', '  env: {', '    OPENAI_API_KEY: process.env.OPENAI_API_KEY,', '    APP_NAME: "demo",', '  },', '};'),
        'web/vite.config.ts': lines('export default defineConfig({', "  define: { 'process.env.ANTHROPIC_API_KEY': JSON.stringify(key), __VERSION__: '1', 'process.env.NODE_ENV': '\"production\"' },", '});'),
        'other.config.ts': lines('export default { env: { OPENAI_API_KEY: process.env.OPENAI_API_KEY } };'),
      },
      'browser-exposed-secret',
    );
    assert.deepEqual(result, [
      "next.config.mjs:3:5 `OPENAI_API_KEY` is in next.config's `env`, which Next.js inlines into the JavaScript it sends to browsers, so whatever secret it holds is readable by anyone who opens the site",
      "web/vite.config.ts:2:14 `process.env.ANTHROPIC_API_KEY` is in vite.config's `define`, which Vite replaces into the client bundle, so whatever secret it holds is readable by anyone who opens the site",
    ]);
  });

  test('which names after the prefix hold a secret', () => {
    for (const name of ['OPENAI_API_KEY', 'OPENAI_KEY', 'ANTHROPIC_KEY', 'CLAUDE_KEY', 'DEEPSEEK_KEY', 'openaiKey', 'GITHUB_TOKEN', 'SUPABASE_SERVICE_ROLE_KEY', 'FIREBASE_ADMIN_SECRET', 'MAPBOX_SECRET_TOKEN']) {
      assert.equal(isBrowserExposedSecret(name), true, name);
    }
    for (const name of ['SUPABASE_ANON_KEY', 'STRIPE_PUBLISHABLE_KEY', 'API_URL', 'MAX_TOKENS', 'POSTHOG_KEY', 'FIREBASE_API_KEY', 'MAPBOX_ACCESS_TOKEN', 'RECAPTCHA_SITE_KEY', 'ALGOLIA_SEARCH_API_KEY', 'OPENAI_MODEL', 'OPENAI_BASE_URL', 'AUTH_TOKEN_URL']) {
      assert.equal(isBrowserExposedSecret(name), false, name);
    }
  });
});

describe('ai-sdk-in-browser', () => {
  test("an AI SDK imported in a 'use client' file or a component's browser script", async () => {
    const result = await findings(
      {
        'app/chat.tsx': "'use client';\nimport { useState } from 'react';\nimport OpenAI from 'openai';\n",
        'app/other.tsx': '// The chat box.\n"use client"\nconst { Anthropic } = require("@anthropic-ai/sdk");\nconst genai = await import(\'@google/genai\');\n',
        'src/Chat.vue': "<template><p>{{ text }}</p></template>\n<script setup lang=\"ts\">\nimport Groq from 'groq-sdk';\n</script>\n",
        'src/pages/chat.astro': "---\nimport OpenAI from 'openai';\n---\n<script>\n  import { HfInference } from '@huggingface/inference';\n</script>\n",
      },
      'ai-sdk-in-browser',
    );
    assert.deepEqual(result, [
      "app/chat.tsx:3:1 `openai` is imported in a 'use client' file: the SDK, and the key it needs, would run in every visitor's browser",
      "app/other.tsx:3:23 `@anthropic-ai/sdk` is imported in a 'use client' file: the SDK, and the key it needs, would run in every visitor's browser",
      "app/other.tsx:4:21 `@google/genai` is imported in a 'use client' file: the SDK, and the key it needs, would run in every visitor's browser",
      "src/Chat.vue:3:1 `groq-sdk` is imported in a <script> block of a .vue component: the SDK, and the key it needs, would run in every visitor's browser",
      "src/pages/chat.astro:5:3 `@huggingface/inference` is imported in a <script> block of a .astro component: the SDK, and the key it needs, would run in every visitor's browser",
    ]);
  });

  test("near-misses: server files, 'use server', a late or quoted 'use client', type-only imports, @ai-sdk/react", async () => {
    const result = await findings(
      {
        'app/api/chat/route.ts': "import OpenAI from 'openai';\n",
        'app/actions.ts': "'use server';\nimport Anthropic from '@anthropic-ai/sdk';\n",
        'app/late.tsx': "import OpenAI from 'openai';\n'use client';\n",
        'app/commented.tsx': "// 'use client'\nimport OpenAI from 'openai';\n",
        'app/quoted.tsx': "const directive = \"'use client'\";\nimport OpenAI from 'openai';\n",
        'app/types.tsx': "'use client';\nimport type OpenAI from 'openai';\nimport { type ChatCompletion, type ChatCompletionChunk } from 'openai/resources';\nimport { type Message } from '@anthropic-ai/sdk';\n",
        'app/hooks.tsx': "'use client';\nimport { useChat } from '@ai-sdk/react';\nconst example = \"import OpenAI from 'openai'\";\n",
        'src/Chat.server.vue': "<script setup>\nimport OpenAI from 'openai';\n</script>\n",
        'server/main.py': "'use client'\nimport openai\n",
      },
      'ai-sdk-in-browser',
    );
    assert.deepEqual(result, []);
  });

  test("the 'use client' directive is read from the directive prologue only", () => {
    assert.equal(isClientModule("'use client'"), true);
    assert.equal(isClientModule("  \n'use strict';\n\"use client\";\nimport x from 'y';"), true);
    assert.equal(isClientModule("#!/usr/bin/env node\n'use client'\n"), true);
    assert.equal(isClientModule("import x from 'y';\n'use client';"), false);
    assert.equal(isClientModule("'use server';\nconst a = 'use client';"), false);
    assert.equal(isClientModule("`use client`;"), false);
  });
});

describe('dangerously-allow-browser', () => {
  test('flags `dangerouslyAllowBrowser: true` in code, in any file', async () => {
    const result = await findings(
      {
        'src/App.tsx': "import OpenAI from 'openai';\nconst client = new OpenAI({\n  apiKey: key,\n  dangerouslyAllowBrowser: true,\n});\n",
        'src/other.js': 'const options = { dangerouslyAllowBrowser : true };\n',
      },
      'dangerously-allow-browser',
    );
    assert.deepEqual(result, [
      'src/App.tsx:4:3 `dangerouslyAllowBrowser: true` lets the SDK, and the key it is given, run in the browser',
      'src/other.js:1:19 `dangerouslyAllowBrowser: true` lets the SDK, and the key it is given, run in the browser',
    ]);
  });

  test('near-misses: false, a comment, a string, documentation', async () => {
    const result = await findings(
      {
        'src/App.tsx': "const a = new OpenAI({ dangerouslyAllowBrowser: false });\n// dangerouslyAllowBrowser: true\nconst doc = 'dangerouslyAllowBrowser: true';\n",
        'README.md': '`dangerouslyAllowBrowser: true`\n',
      },
      'dangerously-allow-browser',
    );
    assert.deepEqual(result, []);
  });
});
