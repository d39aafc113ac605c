/**
 * Preloaded into the sagelint CLI (`node --import`) by test/offline.test.ts. Records every file the process opens
 * through `node:fs` and every environment variable it reads, and at exit writes them, with the built-in modules
 * Node loaded (`process.moduleLoadList`: `NativeModule https`, …), as JSON to the file `SAGELINT_ACCESS_LOG` names.
 */
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const logFile = process.env.SAGELINT_ACCESS_LOG;
const { writeFileSync } = fs;
const opened = new Set();
const environment = new Set();

/** Makes `object[name]` note its first argument (a path, a URL or a file descriptor) before doing its work. */
function recordPathOf(object, name) {
  const original = object[name];
  object[name] = function recorded(path, ...rest) {
    if (typeof path === 'string' || path instanceof Buffer) opened.add(resolve(String(path)));
    else if (path instanceof URL) opened.add(fileURLToPath(path));
    return original.call(this, path, ...rest);
  };
}

for (const name of ['open', 'openSync', 'readFile', 'readFileSync', 'createReadStream', 'openAsBlob']) recordPathOf(fs, name);
for (const name of ['open', 'readFile']) recordPathOf(fs.promises, name);
// ES modules import `node:fs` through bindings made from the CommonJS exports: point them at the wrappers too.
syncBuiltinESMExports();

process.env = new Proxy(process.env, {
  get(target, key) {
    if (typeof key === 'string') environment.add(key);
    return Reflect.get(target, key);
  },
  has(target, key) {
    if (typeof key === 'string') environment.add(key);
    return Reflect.has(target, key);
  },
});

process.on('exit', () => {
  writeFileSync(logFile, JSON.stringify({ opened: [...opened], environment: [...environment], modules: process.moduleLoadList }));
});
