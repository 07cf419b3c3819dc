// A program for startup.test.ts: the startup path both entry points (script and server) take.
import { loadConfigOrExit } from '../../src/config/startup.ts';

loadConfigOrExit();
console.log('config ok');
