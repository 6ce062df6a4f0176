// Worker threads do not inherit the main thread's TypeScript loader: load worker.ts through tsx.
import { tsImport } from 'tsx/esm/api';

await tsImport('./worker.ts', import.meta.url);
