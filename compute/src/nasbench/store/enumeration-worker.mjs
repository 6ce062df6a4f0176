// Worker threads do not inherit the main thread's TypeScript loader: load the worker through tsx.
import { tsImport } from 'tsx/esm/api';

await tsImport('./enumeration-worker.ts', import.meta.url);
