import { readFileSync } from 'node:fs';

/** The SDL, the schema's source of truth (resolver types are generated from the same file). */
export const typeDefs = readFileSync(new URL('./schema.graphql', import.meta.url), 'utf8');
