// Worker threads do not inherit the main thread's TypeScript loader: load the worker through tsx
// (as compute/src/nngp/workers/worker-entry.mjs does).
import { tsImport } from 'tsx/esm/api';

await tsImport('./analysis-worker.ts', import.meta.url);
