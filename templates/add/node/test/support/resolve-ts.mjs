// Loaded with `node --import` by the test:ai script. This project imports TypeScript
// files the way its compiler or bundler expects (`./client.js` or `./client`), which
// Node cannot resolve on its own when it runs the .ts sources directly; this hook
// retries such a relative import with the `.ts` file next to it.
import { registerHooks } from 'node:module';

const RELATIVE = /^\.{1,2}\//;

registerHooks({
  resolve(specifier, context, nextResolve) {
    try {
      return nextResolve(specifier, context);
    } catch (error) {
      if (!RELATIVE.test(specifier) || error?.code !== 'ERR_MODULE_NOT_FOUND') throw error;
      return nextResolve(`${specifier.replace(/\.js$/, '')}.ts`, context);
    }
  },
});
