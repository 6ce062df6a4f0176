import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * Resolver types from schema.graphql, with GraphQL object types mapped onto the Drizzle row
 * types the resolvers actually receive (so a parent is a row, not the GraphQL shape).
 */
const config: CodegenConfig = {
  schema: 'src/schema.graphql',
  generates: {
    'src/generated/resolvers-types.ts': {
      plugins: [
        {
          add: {
            content: [
              '// Generated from schema.graphql by `pnpm --filter @nngp-nas/server codegen`: do not edit.',
              '// biome-ignore-all lint/suspicious/noExplicitAny: generated resolver signatures',
            ],
          },
        },
        'typescript',
        'typescript-resolvers',
      ],
      config: {
        useTypeImports: true,
        importExtension: '.ts',
        contextType: '../context.ts#ApiContext',
        useIndexSignature: false,
        enumsAsTypes: true,
        avoidOptionals: { field: true, inputValue: false, object: false, defaultValue: false },
        scalars: {
          ID: 'string',
          TrainingRepeat: { input: 'number | string', output: "0 | 1 | 2 | 'mean'" },
        },
        mappers: {
          Architecture: '@nngp-nas/db#ArchitectureRow',
          TrainingRun: '@nngp-nas/db#TrainingRecordRow',
          NngpResult: '@nngp-nas/db#NngpResultRow',
          ProxyScore: '@nngp-nas/db#ProxyScoreRow',
          MnasMeasurement: '@nngp-nas/db#MnasMeasurementRow',
          Fig7: '../models/fig7.ts#Fig7Model',
          Experiment: '@nngp-nas/db#NngpExperimentRow',
          ExperimentConfig: '@nngp-nas/db#ExperimentConfig as StoredExperimentConfig',
          SizeCluster: '../models/size-cluster.ts#SizeClusterModel',
          ArchitectureConnection: '../models/architecture-page.ts#ArchitecturePage',
          ArchitectureEdge: '../models/architecture-page.ts#ArchitectureEdgeModel',
        },
      },
    },
  },
  hooks: { afterAllFileWrite: ['biome check --write'] },
};

export default config;
