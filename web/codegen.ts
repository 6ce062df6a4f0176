import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * The dashboard's API types, generated from the server's schema and the `graphql(...)`
 * documents under src/ (client preset): each document's result and variables types are
 * inferred where it is used. Regenerate with `pnpm --filter @nngp-nas/web codegen` after
 * editing a document or server/src/schema.graphql; `pnpm check:generated` fails when the
 * committed output is stale.
 *
 * @example pnpm --filter @nngp-nas/web codegen
 */
const config: CodegenConfig = {
  schema: '../server/src/schema.graphql',
  documents: ['src/**/*.{ts,tsx}', '!src/generated/**'],
  ignoreNoDocuments: false,
  generates: {
    'src/generated/': {
      preset: 'client',
      // The dashboard selects whole fragments where it needs them; unmasked types keep each
      // result a plain object the chart code can read.
      presetConfig: { fragmentMasking: false },
      config: {
        // Documents become strings (no graphql-js in the browser bundle); the client posts them.
        documentMode: 'string',
        useTypeImports: true,
        enumsAsTypes: true,
        // TrainingRepeat is 0, 1, 2 (an Int) or "mean" (server/src/schema.graphql).
        scalars: { ID: 'string', TrainingRepeat: "number | 'mean'" },
        skipTypename: true,
        avoidOptionals: false,
      },
    },
  },
};

export default config;
