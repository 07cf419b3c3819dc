import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { CURRENT_NPM_SDKS, CURRENT_PYPI_SDKS } from '../../src/doctor/rules/dependencies/current-sdks.ts';
import { howFarBehind, ZERO_X_MINORS_BEHIND } from '../../src/doctor/rules/dependencies/release-lines.ts';
import { PYTHON_VERSIONS, VERSIONS } from '../../src/layers/versions.ts';
import { auditRepo } from '../support/doctor-repo.ts';

const RULE = 'outdated-ai-sdk';
const at = (audit: Awaited<ReturnType<typeof auditRepo>>) => audit.findings.map((finding) => `${finding.file}:${finding.line} ${finding.message}`);

// The current majors come from our own pins: computed here so a bump of the pins does not
// break these tests, while the messages are still compared whole.
const major = (version: string) => Number(version.split('.')[0]);
const NPM_OPENAI = major(VERSIONS.openai);
const NPM_ANTHROPIC = major(VERSIONS['@anthropic-ai/sdk']);
const PY_OPENAI = major(PYTHON_VERSIONS.openai);
const PY_ANTHROPIC = major(PYTHON_VERSIONS.anthropic);
const majors = (count: number) => `${count} major${count === 1 ? '' : 's'}`;
const behind = (what: string, currentMajor: number, haveMajor: number) =>
  `${what} is ${majors(currentMajor - haveMajor)} behind ${currentMajor} (the current major as of this release of create-secure-ai-app)`;
const replaced = (what: string, replacement: string) => `${what} is deprecated and gets no more fixes: its maintainers replaced it with ${replacement}`;

// Fixtures are real lockfiles (written by npm 11 and 6, pnpm 7, 8 and 9, yarn 1 and 4,
// bun 1.3, deno 2 for a project with openai 7, @anthropic-ai/sdk 0.30.1,
// @google/generative-ai and @langchain/openai 0.3, which pulls in its own openai 4),
// trimmed to the entries that matter and a few neighbours.

const PACKAGE_LOCK_V3 = `{
  "name": "fixture",
  "version": "1.0.0",
  "lockfileVersion": 3,
  "requires": true,
  "packages": {
    "": {
      "name": "fixture",
      "version": "1.0.0",
      "dependencies": {
        "@anthropic-ai/sdk": "^0.30.1",
        "@google/generative-ai": "^0.24.1",
        "@langchain/openai": "^0.3.17",
        "openai": "^${VERSIONS.openai}"
      }
    },
    "node_modules/@anthropic-ai/sdk": {
      "version": "0.30.1",
      "integrity": "sha512-nuKvp7wOIz6BFei8WrTdhmSsx5mwnArYyJgh4+vYu3V4J0Ltb8Xm3odPm51n1aSI0XxNCrDl7O88cxCtUdAkaw==",
      "license": "MIT",
      "dependencies": {
        "node-fetch": "^2.6.7"
      }
    },
    "node_modules/@google/generative-ai": {
      "version": "0.24.1",
      "integrity": "sha512-MqO+MLfM6kjxcKoy0p1wRzG3b4ZZXtPI+z2IE26UogS2Cm/XHO+7gGRBh6gcJsOiIVoH93UwKvW4HdgiOZCy9Q==",
      "license": "Apache-2.0"
    },
    "node_modules/@langchain/openai": {
      "version": "0.3.17",
      "integrity": "sha512-uw4po32OKptVjq+CYHrumgbfh4NuD7LqyE+ZgqY9I/LrLc6bHLMc+sisHmI17vgek0K/yqtarI0alPJbzrwyag==",
      "license": "MIT",
      "dependencies": {
        "openai": "^4.77.0"
      }
    },
    "node_modules/@langchain/openai/node_modules/openai": {
      "version": "4.104.0",
      "integrity": "sha512-p99EFNsA/yX6UhVO93f5kJsDRLAg+CTA2RBqdHK4RtK8u5IJw32Hyb2dTGKbnnFmnuoBv5r7Z2CURI9sGZpSuA==",
      "license": "Apache-2.0",
      "bin": {
        "openai": "bin/cli"
      }
    },
    "node_modules/openai": {
      "version": "${VERSIONS.openai}",
      "license": "Apache-2.0"
    }
  }
}
`;

const PACKAGE_LOCK_V1 = `{
  "name": "fixture",
  "version": "1.0.0",
  "lockfileVersion": 1,
  "requires": true,
  "dependencies": {
    "@langchain/openai": {
      "version": "0.3.17",
      "resolved": "https://registry.example.invalid/@langchain/openai/-/openai-0.3.17.tgz",
      "requires": {
        "openai": "^4.77.0"
      },
      "dependencies": {
        "openai": {
          "version": "4.104.0",
          "resolved": "https://registry.example.invalid/openai/-/openai-4.104.0.tgz",
          "requires": {
            "node-fetch": "^2.6.7"
          }
        }
      }
    },
    "my-claude": {
      "version": "npm:@anthropic-ai/sdk@0.30.1",
      "resolved": "https://registry.example.invalid/@anthropic-ai/sdk/-/sdk-0.30.1.tgz"
    },
    "openai": {
      "version": "3.3.0",
      "resolved": "https://registry.example.invalid/openai/-/openai-3.3.0.tgz",
      "requires": {
        "axios": "^0.26.0"
      }
    }
  }
}
`;

const PNPM_V9 = `lockfileVersion: '9.0'

settings:
  autoInstallPeers: true
  excludeLinksFromLockfile: false

importers:

  .:
    dependencies:
      '@anthropic-ai/sdk':
        specifier: ^0.30.1
        version: 0.30.1
      '@langchain/openai':
        specifier: ^0.3.17
        version: 0.3.17(@langchain/core@0.3.80(openai@${VERSIONS.openai}(zod@3.25.76)))
      openai:
        specifier: ^${VERSIONS.openai}
        version: ${VERSIONS.openai}(zod@3.25.76)

packages:

  '@anthropic-ai/sdk@0.30.1':
    resolution: {integrity: sha512-nuKvp7wOIz6BFei8WrTdhmSsx5mwnArYyJgh4+vYu3V4J0Ltb8Xm3odPm51n1aSI0XxNCrDl7O88cxCtUdAkaw==}

  '@langchain/openai@0.3.17':
    resolution: {integrity: sha512-uw4po32OKptVjq+CYHrumgbfh4NuD7LqyE+ZgqY9I/LrLc6bHLMc+sisHmI17vgek0K/yqtarI0alPJbzrwyag==}
    engines: {node: '>=18'}
    peerDependencies:
      '@langchain/core': '>=0.3.29 <0.4.0'

  openai@4.104.0:
    resolution: {integrity: sha512-p99EFNsA/yX6UhVO93f5kJsDRLAg+CTA2RBqdHK4RtK8u5IJw32Hyb2dTGKbnnFmnuoBv5r7Z2CURI9sGZpSuA==}
    hasBin: true
    peerDependencies:
      ws: ^8.18.0
      zod: ^3.23.8

  openai@${VERSIONS.openai}:
    resolution: {integrity: sha512-wPYKJkLPFEdNJ2tThSg4jE1Ptsv4X3u8g8LIvu0Qz/UIhsKeCzl73rl48PtQsDVrJL/ku0liXOsbyd2TsRsPJw==}
    engines: {node: '>=22.0.0'}

snapshots:

  '@anthropic-ai/sdk@0.30.1':
    dependencies:
      '@types/node': 18.19.130

  '@langchain/openai@0.3.17(@langchain/core@0.3.80(openai@${VERSIONS.openai}(zod@3.25.76)))':
    dependencies:
      '@langchain/core': 0.3.80(openai@${VERSIONS.openai}(zod@3.25.76))
      openai: 4.104.0(zod@3.25.76)

  openai@4.104.0(zod@3.25.76):
    dependencies:
      '@types/node': 18.19.130

  openai@${VERSIONS.openai}(zod@3.25.76):
    optionalDependencies:
      zod: 3.25.76
`;

const PNPM_V6 = `lockfileVersion: '6.0'

settings:
  autoInstallPeers: true
  excludeLinksFromLockfile: false

dependencies:
  '@google/generative-ai':
    specifier: ^0.24.1
    version: 0.24.1
  openai:
    specifier: ^4.77.0
    version: 4.104.0(zod@3.25.76)

packages:

  /@google/generative-ai@0.24.1:
    resolution: {integrity: sha512-MqO+MLfM6kjxcKoy0p1wRzG3b4ZZXtPI+z2IE26UogS2Cm/XHO+7gGRBh6gcJsOiIVoH93UwKvW4HdgiOZCy9Q==}
    engines: {node: '>=18.0.0'}
    dev: false

  /openai@4.104.0(zod@3.25.76):
    resolution: {integrity: sha512-p99EFNsA/yX6UhVO93f5kJsDRLAg+CTA2RBqdHK4RtK8u5IJw32Hyb2dTGKbnnFmnuoBv5r7Z2CURI9sGZpSuA==}
    hasBin: true
    dev: false
`;

const PNPM_V5 = `lockfileVersion: 5.4

specifiers:
  '@anthropic-ai/sdk': 0.5.0
  openai: 3.3.0

dependencies:
  '@anthropic-ai/sdk': 0.5.0
  openai: 3.3.0

packages:

  /@anthropic-ai/sdk/0.5.0:
    resolution: {integrity: sha512-7T/oK6CtheVkdRZmIO9FSdHtKyUU92F6JHRz7RY99gzcm6DM5rYTNORvwVHWTe0nr9lsZuso8GpoXZsUG7Zypg==}
    dev: false

  /openai/3.3.0:
    resolution: {integrity: sha512-uqxI/Au+aPRnsaQRe8CojU0eCR7I0mBiKjD3sNMzY6DaC1ZVrc85u98mtJW6voDug8fgGN+DIZmTDxTthxb7dQ==}
    dependencies:
      axios: 0.26.1
    dev: false
`;

const YARN_CLASSIC = `# THIS IS AN AUTOGENERATED FILE. DO NOT EDIT THIS FILE DIRECTLY.
# yarn lockfile v1


"@anthropic-ai/sdk@^0.30.1":
  version "0.30.1"
  resolved "https://registry.example.invalid/@anthropic-ai/sdk/-/sdk-0.30.1.tgz#fbd13ae3d94525fb4453a07d07b2b94e168b33e7"
  dependencies:
    "@types/node" "^18.11.18"

"@langchain/openai@^0.3.17":
  version "0.3.17"
  resolved "https://registry.example.invalid/@langchain/openai/-/openai-0.3.17.tgz#5b8613ac8d849da90f3ecd8368ae7389fca4ee13"
  dependencies:
    openai "^4.77.0"

openai@^4.0.0, openai@^4.77.0:
  version "4.104.0"
  resolved "https://registry.example.invalid/openai/-/openai-4.104.0.tgz#c489765dc051b95019845dab64b0e5207cae4d30"

openai@^${VERSIONS.openai}:
  version "${VERSIONS.openai}"
  resolved "https://registry.example.invalid/openai/-/openai-${VERSIONS.openai}.tgz"
`;

const YARN_BERRY = `# This file is generated by running "yarn install" inside your project.
# Manual changes might be lost - proceed with caution!

__metadata:
  version: 10
  cacheKey: 10c0

"@google/generative-ai@npm:^0.24.1":
  version: 0.24.1
  resolution: "@google/generative-ai@npm:0.24.1"
  languageName: node
  linkType: hard

"fixture@workspace:.":
  version: 0.0.0-use.local
  resolution: "fixture@workspace:."
  dependencies:
    "@google/generative-ai": "npm:^0.24.1"
    legacy-openai: "npm:openai@^3.3.0"
    openai: "npm:^${VERSIONS.openai}"
  languageName: unknown
  linkType: soft

"legacy-openai@npm:openai@^3.3.0":
  version: 3.3.0
  resolution: "openai@npm:3.3.0"
  languageName: node
  linkType: hard

"openai@npm:^${VERSIONS.openai}":
  version: ${VERSIONS.openai}
  resolution: "openai@npm:${VERSIONS.openai}"
  languageName: node
  linkType: hard
`;

const BUN_LOCK = `{
  "lockfileVersion": 1,
  "workspaces": {
    "": {
      "name": "fixture",
      "dependencies": {
        "@anthropic-ai/sdk": "^0.30.1",
        "@langchain/openai": "^0.3.17",
        "openai": "^${VERSIONS.openai}",
      },
    },
  },
  "packages": {
    "@anthropic-ai/sdk": ["@anthropic-ai/sdk@0.30.1", "", { "dependencies": { "node-fetch": "^2.6.7" } }, "sha512-nuKvp7wOIz6BFei8WrTdhmSsx5mwnArYyJgh4+vYu3V4J0Ltb8Xm3odPm51n1aSI0XxNCrDl7O88cxCtUdAkaw=="],

    "@langchain/openai": ["@langchain/openai@0.3.17", "", { "dependencies": { "openai": "^4.77.0" } }, "sha512-uw4po32OKptVjq+CYHrumgbfh4NuD7LqyE+ZgqY9I/LrLc6bHLMc+sisHmI17vgek0K/yqtarI0alPJbzrwyag=="],

    "openai": ["openai@${VERSIONS.openai}", "", {}, "sha512-wPYKJkLPFEdNJ2tThSg4jE1Ptsv4X3u8g8LIvu0Qz/UIhsKeCzl73rl48PtQsDVrJL/ku0liXOsbyd2TsRsPJw=="],

    "@langchain/openai/openai": ["openai@4.104.0", "", { "bin": "./bin/cli" }, "sha512-p99EFNsA/yX6UhVO93f5kJsDRLAg+CTA2RBqdHK4RtK8u5IJw32Hyb2dTGKbnnFmnuoBv5r7Z2CURI9sGZpSuA=="],
  }
}
`;

const DENO_LOCK_V5 = `{
  "version": "5",
  "specifiers": {
    "npm:@anthropic-ai/sdk@0.30.1": "0.30.1",
    "npm:openai@4.104.0": "4.104.0"
  },
  "npm": {
    "@anthropic-ai/sdk@0.30.1": {
      "integrity": "sha512-nuKvp7wOIz6BFei8WrTdhmSsx5mwnArYyJgh4+vYu3V4J0Ltb8Xm3odPm51n1aSI0XxNCrDl7O88cxCtUdAkaw==",
      "dependencies": [
        "node-fetch"
      ]
    },
    "openai@4.104.0": {
      "integrity": "sha512-p99EFNsA/yX6UhVO93f5kJsDRLAg+CTA2RBqdHK4RtK8u5IJw32Hyb2dTGKbnnFmnuoBv5r7Z2CURI9sGZpSuA==",
      "bin": true
    }
  }
}
`;

/** Deno 1.x wrote npm packages under `packages.npm`. */
const DENO_LOCK_V3 = `{
  "version": "3",
  "packages": {
    "specifiers": {
      "npm:openai@^4": "npm:openai@4.104.0_zod@3.25.76"
    },
    "npm": {
      "openai@4.104.0_zod@3.25.76": {
        "integrity": "sha512-p99EFNsA/yX6UhVO93f5kJsDRLAg+CTA2RBqdHK4RtK8u5IJw32Hyb2dTGKbnnFmnuoBv5r7Z2CURI9sGZpSuA==",
        "dependencies": {}
      }
    }
  },
  "remote": {}
}
`;

const POETRY_LOCK = `# This file is automatically @generated by Poetry 1.8.3 and should not be changed by hand.

[[package]]
name = "anthropic"
version = "0.34.2"
description = "The official Python library for the anthropic API"
optional = false
python-versions = ">=3.7"
files = [
    {file = "anthropic-0.34.2-py3-none-any.whl", hash = "sha256:f50a628eb71e2c76858b106c8cbea278c45c6bd2077cb3aff716a112abddc9fc"},
]

[package.dependencies]
httpx = ">=0.23.0,<1"

[[package]]
name = "google-generativeai"
version = "0.8.3"
description = "Google Generative AI High level API client library and tools."
optional = false
python-versions = ">=3.9"
files = []

[[package]]
name = "openai"
version = "${PYTHON_VERSIONS.openai}"
description = "The official Python library for the openai API"
optional = false
python-versions = ">=3.8"
files = []

[metadata]
lock-version = "2.0"
python-versions = "^3.10"
content-hash = "0f3c1c1e"
`;

const UV_LOCK = `version = 1
requires-python = ">=3.10"

[[package]]
name = "my-app"
version = "0.1.0"
source = { editable = "." }
dependencies = [
    { name = "openai" },
]

[package.metadata]
requires-dist = [{ name = "openai", specifier = "==0.28.1" }]

[[package]]
name = "openai"
version = "0.28.1"
source = { registry = "https://index.example.invalid/simple" }
dependencies = [
    { name = "aiohttp" },
    { name = "requests" },
]
sdist = { url = "https://files.example.invalid/packages/openai-0.28.1.tar.gz", hash = "sha256:4be1dad329a65b4ce1a660fe6d5431b438f429b5855c883435f0f7fcb6d2dcc8", size = 57000 }
`;

/** A uv workspace whose own project is called `anthropic` (the SDK's own repository): not a dependency. */
const UV_LOCK_OF_THE_SDK_ITSELF = `version = 1

[[package]]
name = "anthropic"
version = "0.1.0"
source = { editable = "." }
`;

const PDM_LOCK = `# This file is @generated by PDM.
# It is not intended for manual editing.

[metadata]
groups = ["default"]
strategy = ["inherit_metadata"]
lock_version = "4.5.0"

[[package]]
name = "Anthropic"
version = "0.40.0"
requires_python = ">=3.8"
summary = "The official Python library for the anthropic API"
files = []
`;

const PIPFILE_LOCK = `{
    "_meta": {
        "hash": {
            "sha256": "4f1b9d1a"
        },
        "pipfile-spec": 6,
        "requires": {
            "python_version": "3.11"
        }
    },
    "default": {
        "google-generativeai": {
            "hashes": [],
            "index": "pypi",
            "version": "==0.8.3"
        },
        "openai": {
            "hashes": [],
            "index": "pypi",
            "markers": "python_full_version >= '3.7.1'",
            "version": "==0.28.1"
        }
    },
    "develop": {
        "anthropic": {
            "git": "https://github.com/anthropics/anthropic-sdk-python.git",
            "ref": "0123456789abcdef0123456789abcdef01234567"
        }
    }
}
`;

describe('outdated-ai-sdk', () => {
  test('package-lock.json v3: every outdated copy at its entry, nested ones included', async () => {
    const audit = await auditRepo({ git: true, files: { 'package-lock.json': PACKAGE_LOCK_V3 } }, RULE);
    assert.deepEqual(at(audit), [
      `package-lock.json:17 ${behind('@anthropic-ai/sdk 0.30.1 in package-lock.json', NPM_ANTHROPIC, 0)}`,
      `package-lock.json:25 ${replaced('@google/generative-ai 0.24.1 in package-lock.json', '@google/genai')}`,
      `package-lock.json:38 ${behind('openai 4.104.0 in package-lock.json', NPM_OPENAI, 4)}`,
    ]);
    assert.deepEqual(
      audit.findings.map((finding) => [finding.ruleId, finding.severity]),
      audit.findings.map(() => [RULE, 'medium']),
    );
  });

  test('npm-shrinkwrap.json v1 in a nested project: nested dependencies and npm aliases', async () => {
    const audit = await auditRepo({ git: true, files: { 'apps/api/npm-shrinkwrap.json': PACKAGE_LOCK_V1 } }, RULE);
    assert.deepEqual(at(audit), [
      `apps/api/npm-shrinkwrap.json:14 ${behind('openai 4.104.0 in npm-shrinkwrap.json', NPM_OPENAI, 4)}`,
      `apps/api/npm-shrinkwrap.json:23 ${behind('@anthropic-ai/sdk 0.30.1 in npm-shrinkwrap.json', NPM_ANTHROPIC, 0)}`,
      `apps/api/npm-shrinkwrap.json:27 ${behind('openai 3.3.0 in npm-shrinkwrap.json', NPM_OPENAI, 3)}`,
    ]);
  });

  test('pnpm-lock.yaml v9, v6 and v5 key styles, each version once', async () => {
    const audit = await auditRepo({ git: true, files: { 'v9/pnpm-lock.yaml': PNPM_V9, 'v6/pnpm-lock.yaml': PNPM_V6, 'v5/pnpm-lock.yaml': PNPM_V5 } }, RULE);
    assert.deepEqual(at(audit), [
      `v5/pnpm-lock.yaml:13 ${behind('@anthropic-ai/sdk 0.5.0 in pnpm-lock.yaml', NPM_ANTHROPIC, 0)}`,
      `v5/pnpm-lock.yaml:17 ${behind('openai 3.3.0 in pnpm-lock.yaml', NPM_OPENAI, 3)}`,
      `v6/pnpm-lock.yaml:17 ${replaced('@google/generative-ai 0.24.1 in pnpm-lock.yaml', '@google/genai')}`,
      `v6/pnpm-lock.yaml:22 ${behind('openai 4.104.0 in pnpm-lock.yaml', NPM_OPENAI, 4)}`,
      `v9/pnpm-lock.yaml:23 ${behind('@anthropic-ai/sdk 0.30.1 in pnpm-lock.yaml', NPM_ANTHROPIC, 0)}`,
      `v9/pnpm-lock.yaml:32 ${behind('openai 4.104.0 in pnpm-lock.yaml', NPM_OPENAI, 4)}`,
    ]);
  });

  test('yarn.lock classic and berry, with several descriptors and an alias', async () => {
    const audit = await auditRepo({ git: true, files: { 'classic/yarn.lock': YARN_CLASSIC, 'berry/yarn.lock': YARN_BERRY } }, RULE);
    assert.deepEqual(at(audit), [
      `berry/yarn.lock:8 ${replaced('@google/generative-ai 0.24.1 in yarn.lock', '@google/genai')}`,
      `berry/yarn.lock:24 ${behind('openai 3.3.0 in yarn.lock', NPM_OPENAI, 3)}`,
      `classic/yarn.lock:5 ${behind('@anthropic-ai/sdk 0.30.1 in yarn.lock', NPM_ANTHROPIC, 0)}`,
      `classic/yarn.lock:17 ${behind('openai 4.104.0 in yarn.lock', NPM_OPENAI, 4)}`,
    ]);
  });

  test('a yarn.lock with Windows line ends reads the same', async () => {
    const audit = await auditRepo({ git: true, files: { 'yarn.lock': YARN_CLASSIC.replace(/\n/g, '\r\n') } }, RULE);
    assert.deepEqual(
      audit.findings.map((finding) => finding.line),
      [5, 17],
    );
  });

  test('bun.lock (JSONC) and deno.lock v5 and v3', async () => {
    const audit = await auditRepo({ git: true, files: { 'bun.lock': BUN_LOCK, 'deno.lock': DENO_LOCK_V5, 'old/deno.lock': DENO_LOCK_V3 } }, RULE);
    assert.deepEqual(at(audit), [
      `bun.lock:14 ${behind('@anthropic-ai/sdk 0.30.1 in bun.lock', NPM_ANTHROPIC, 0)}`,
      `bun.lock:20 ${behind('openai 4.104.0 in bun.lock', NPM_OPENAI, 4)}`,
      `deno.lock:8 ${behind('@anthropic-ai/sdk 0.30.1 in deno.lock', NPM_ANTHROPIC, 0)}`,
      `deno.lock:14 ${behind('openai 4.104.0 in deno.lock', NPM_OPENAI, 4)}`,
      `old/deno.lock:8 ${behind('openai 4.104.0 in deno.lock', NPM_OPENAI, 4)}`,
    ]);
  });

  test('Python: poetry.lock, uv.lock, pdm.lock and Pipfile.lock, by normalized name', async () => {
    const audit = await auditRepo(
      { git: true, files: { 'poetry.lock': POETRY_LOCK, 'uv.lock': UV_LOCK, 'pdm/pdm.lock': PDM_LOCK, 'Pipfile.lock': PIPFILE_LOCK, 'sdk/uv.lock': UV_LOCK_OF_THE_SDK_ITSELF } },
      RULE,
    );
    assert.deepEqual(at(audit), [
      `pdm/pdm.lock:10 ${behind('anthropic 0.40.0 in pdm.lock', PY_ANTHROPIC, 0)}`,
      `Pipfile.lock:12 ${replaced('google-generativeai 0.8.3 in Pipfile.lock', 'google-genai')}`,
      `Pipfile.lock:17 ${behind('openai 0.28.1 in Pipfile.lock', PY_OPENAI, 0)}`,
      `poetry.lock:4 ${behind('anthropic 0.34.2 in poetry.lock', PY_ANTHROPIC, 0)}`,
      `poetry.lock:17 ${replaced('google-generativeai 0.8.3 in poetry.lock', 'google-genai')}`,
      `uv.lock:16 ${behind('openai 0.28.1 in uv.lock', PY_OPENAI, 0)}`,
    ]);
  });

  test('requirements files: exact pins only, ranges and wildcards are not versions', async () => {
    const audit = await auditRepo(
      {
        git: true,
        files: {
          'requirements.txt': [
            '# pinned by pip-compile',
            'OpenAI[datalib] == 0.28.1 ; python_version >= "3.8" \\',
            '    --hash=sha256:4be1dad329a65b4ce1a660fe6d5431b438f429b5855c883435f0f7fcb6d2dcc8',
            `anthropic==${PYTHON_VERSIONS.anthropic}`,
            'google_generativeai==0.8.3  # replaced',
            'groq==0.4.0',
            '',
          ].join('\n'),
          'requirements-dev.txt': ['openai>=0.28', 'openai~=0.28.0', 'openai==0.28.*', 'anthropic<1', '# openai==0.27.0', '-r requirements.txt', ''].join('\n'),
          'requirements/prod.txt': 'anthropic===0.8.0\n',
          'worker/dev-requirements.txt': 'openai==1.3.0\n',
          'docs/notes.txt': 'openai==0.28.1\n',
        },
      },
      RULE,
    );
    assert.deepEqual(at(audit), [
      `requirements.txt:2 ${behind('openai 0.28.1 in requirements.txt', PY_OPENAI, 0)}`,
      `requirements.txt:5 ${replaced('google-generativeai 0.8.3 in requirements.txt', 'google-genai')}`,
      `requirements/prod.txt:1 ${behind('anthropic 0.8.0 in prod.txt', PY_ANTHROPIC, 0)}`,
      `worker/dev-requirements.txt:1 ${behind('openai 1.3.0 in dev-requirements.txt', PY_OPENAI, 1)}`,
    ]);
  });

  test('a lockfile larger than the 1 MiB source limit is still read', async () => {
    const filler = Array.from({ length: 12_000 }, (_, index) => `    "node_modules/filler-${index}": {\n      "version": "1.0.${index}",\n      "integrity": "sha512-${'A'.repeat(60)}"\n    },\n`).join('');
    const text = `{\n  "lockfileVersion": 3,\n  "packages": {\n${filler}    "node_modules/openai": {\n      "version": "5.0.0"\n    }\n  }\n}\n`;
    assert.ok(text.length > 1024 * 1024);
    const audit = await auditRepo({ git: true, files: { 'package-lock.json': text } }, RULE);
    assert.deepEqual(at(audit), [`package-lock.json:${3 + 12_000 * 4 + 1} ${behind('openai 5.0.0 in package-lock.json', NPM_OPENAI, 5)}`]);
  });

  test('near misses: current versions, look-alike names, ranges without a lockfile, other registries', async () => {
    const currentNpm = Object.entries(CURRENT_NPM_SDKS)
      .map(([name, version]) => `    "node_modules/${name}": {\n      "version": "${version}"\n    },\n`)
      .join('');
    const audit = await auditRepo(
      {
        git: true,
        files: {
          'package-lock.json': `{\n  "lockfileVersion": 3,\n  "packages": {\n${currentNpm}${[
            // Wrappers and look-alikes version on their own: their openai dependency is locked (and judged) separately.
            '    "node_modules/@langchain/openai": { "version": "0.3.17" },',
            '    "node_modules/openai-edge": { "version": "1.2.2" },',
            '    "node_modules/@ai-sdk/openai": { "version": "1.0.0" },',
            // The PyPI SDK's name on npm is another package.
            '    "node_modules/anthropic": { "version": "0.0.0" },',
            // A pre-release of the current major, and a version newer than this release knows.
            `    "node_modules/a/node_modules/openai": { "version": "${NPM_OPENAI}.0.0-beta.1" },`,
            `    "node_modules/b/node_modules/openai": { "version": "${NPM_OPENAI + 1}.0.0" },`,
            // Workspace links and the project itself are not installed SDKs.
            '    "packages/openai": { "name": "openai", "version": "1.0.0" },',
            '    "node_modules/openai-workspace": { "resolved": "packages/openai", "link": true },',
            '    "": { "name": "openai", "version": "1.0.0" }',
          ].join('\n')}\n  }\n}\n`,
          // We trust only lockfiles: a range is not what is installed.
          'web/package.json': '{ "dependencies": { "openai": "^4.0.0", "@google/generative-ai": "^0.1.0" } }\n',
          'py/pyproject.toml': '[project]\ndependencies = ["openai==0.28.1"]\n',
          'py/uv.lock': `version = 1\n\n[[package]]\nname = "openai"\nversion = "${PYTHON_VERSIONS.openai}"\nsource = { registry = "https://index.example.invalid/simple" }\n`,
          // npm-only names in a Python lockfile mean other packages.
          'py/requirements.txt': 'ai==0.1.0\ngroq-sdk==0.1.0\n',
          // A fixture of a test suite is a frozen sample, not what ships.
          'test/fixtures/old-app/package-lock.json': PACKAGE_LOCK_V3,
          'tests/fixtures/requirements.txt': 'openai==0.28.1\n',
        },
      },
      RULE,
    );
    assert.deepEqual(at(audit), []);
  });

  test('malformed lockfiles give no finding and no crash', async () => {
    const audit = await auditRepo(
      {
        git: true,
        files: {
          'a/package-lock.json': PACKAGE_LOCK_V3.slice(0, 900),
          'b/package-lock.json': '{ "lockfileVersion": 3, "packages": { "node_modules/openai": "4.0.0", "node_modules/@anthropic-ai/sdk": { "version": 1 } } }',
          'c/package-lock.json': '[1, 2, 3]',
          'd/pnpm-lock.yaml': 'lockfileVersion: \'9.0\'\npackages:\n  openai@latest:\n    resolution: {}\n  openai@:\n',
          'e/yarn.lock': '<<<<<<< HEAD\nopenai@^4.0.0:\n=======\n>>>>>>> main\n',
          'f/bun.lock': '{ "packages": { "openai": ["openai@github:openai/openai-node#main", ""], "x": ["openai@workspace:packages/openai"] } }',
          'g/deno.lock': '{ "version": "5", "npm": { "openai": {}, "openai@": {} } }',
          'h/Pipfile.lock': '{ "default": { "openai": { "version": ">=0.28" }, "anthropic": "==0.1" } }',
          'i/poetry.lock': '[[package]]\nname = "openai"\nversion = { not = "a string" }\n\n[[package]]\nname = openai\nversion = "0.28.1"\n',
          'j/deno.lock': 'not json',
          'k/uv.lock': '[[package]]\nversion = "0.28.1"\n',
        },
      },
      RULE,
    );
    assert.deepEqual(at(audit), []);
  });

  test('a doctor-ignore marker on the line above waives an entry (requirements files allow comments)', async () => {
    const audit = await auditRepo({ git: true, files: { 'requirements.txt': '# doctor-ignore: outdated-ai-sdk (the v0 client is needed by a legacy job)\nopenai==0.28.1\nanthropic==0.8.0\n' } }, RULE);
    assert.deepEqual(at(audit), [`requirements.txt:3 ${behind('anthropic 0.8.0 in requirements.txt', PY_ANTHROPIC, 0)}`]);
    assert.equal(audit.waived, 1);
  });
});

describe('how far behind is far', () => {
  test('from 1.0 on: one full major behind, whatever the minor', () => {
    assert.deepEqual(howFarBehind('6.99.0', '7.59.0'), { count: 1, unit: 'major', currentLine: '7' });
    assert.deepEqual(howFarBehind('4.104.0', '7.59.0'), { count: 3, unit: 'major', currentLine: '7' });
    assert.deepEqual(howFarBehind('0.30.1', '1.14.0'), { count: 1, unit: 'major', currentLine: '1' });
    assert.deepEqual(howFarBehind('1.0.0rc1', '3.22.1'), { count: 2, unit: 'major', currentLine: '3' });
    assert.equal(howFarBehind('7.0.0', '7.59.0'), undefined);
    assert.equal(howFarBehind('7.0.0-beta.1', '7.59.0'), undefined);
    assert.equal(howFarBehind('8.1.0', '7.59.0'), undefined);
  });

  test(`before 1.0: ${ZERO_X_MINORS_BEHIND} minors behind, since 0.x SDKs ship a minor every few weeks`, () => {
    assert.deepEqual(howFarBehind('0.12.0', '0.22.3'), { count: 10, unit: 'minor', currentLine: '0.22' });
    assert.equal(howFarBehind('0.13.9', '0.22.3'), undefined);
    assert.equal(howFarBehind('0.21.0', '0.22.3'), undefined);
    assert.equal(howFarBehind('1.0.0', '0.22.3'), undefined);
  });

  test('what is not a version is never guessed from', () => {
    for (const version of ['latest', '^4.0.0', '0.28.*', '>=0.28', 'github:openai/openai-node', '1!2.0.0', '']) {
      assert.equal(howFarBehind(version, '7.59.0'), undefined, version);
    }
  });

  test('the table follows our own pins', () => {
    assert.equal(CURRENT_NPM_SDKS.openai, VERSIONS.openai);
    assert.equal(CURRENT_NPM_SDKS['@anthropic-ai/sdk'], VERSIONS['@anthropic-ai/sdk']);
    assert.equal(CURRENT_PYPI_SDKS.openai, PYTHON_VERSIONS.openai);
    assert.equal(CURRENT_PYPI_SDKS.anthropic, PYTHON_VERSIONS.anthropic);
  });
});
