/**
 * The directory of the receiver's files, found the same way under every loader that runs them:
 * CommonJS (Playwright's TS transform) and vitest define `__dirname`; native ESM
 * (`node e2e/receiver/main.ts`, Node's type stripping) does not, and CommonJS cannot even parse
 * `import.meta`, so there we ask V8 for the file of the running function instead.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export function receiverDir(): string {
  if (typeof __dirname === 'string') return __dirname;
  const file = currentFile();
  return path.dirname(file.startsWith('file:') ? fileURLToPath(file) : file);
}

/** Absolute path of a file that sits next to this module. */
export function receiverFile(name: string): string {
  return path.join(receiverDir(), name);
}

function currentFile(): string {
  const original = Error.prepareStackTrace;
  try {
    Error.prepareStackTrace = (_error, callSites) => callSites;
    const callSites = new Error().stack as unknown as NodeJS.CallSite[];
    const file = callSites[0]?.getFileName();
    if (!file) throw new Error('cannot tell which file module-dir.ts was loaded from');
    return file;
  } finally {
    Error.prepareStackTrace = original;
  }
}
