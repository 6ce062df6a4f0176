/** One GraphQL request the load test repeats. */
export interface Scenario {
  name: string;
  query: string;
  variables: Record<string, unknown>;
}

/**
 * (a) a filtered listing page as the dashboard asks for it; (b) a `metrics` query over the whole
 * space with shortened training, model size and a proxy as predictors.
 */
export const SCENARIOS: Scenario[] = [
  {
    name: 'filtered listing (cluster 1, 1-2 residual, first 50)',
    query: `query ($filter: ArchitectureFilter) {
      architectures(filter: $filter, first: 50) {
        edges { node {
          hash trainableParameters residualConnections groundTruth
          trainingMeans { epochs validationAccuracy }
          proxies { name value }
        } }
        pageInfo { hasNextPage endCursor }
      }
    }`,
    variables: { filter: { sizeClusters: [1], residualConnections: { min: 1, max: 2 } } },
  },
  {
    name: 'metrics, whole space (training 4/12/36, model size, zen_score)',
    query: `query ($predictors: [PredictorInput!]!) {
      metrics(predictors: $predictors) {
        predictor count kendallTau pearson pqetp { threshold auroc }
        discovered { mean standardError } costPflops notes
      }
    }`,
    variables: {
      predictors: [
        { kind: 'TRAINING', epochs: 4 },
        { kind: 'TRAINING', epochs: 12 },
        { kind: 'TRAINING', epochs: 36 },
        { kind: 'MODEL_SIZE' },
        { kind: 'PROXY', proxy: 'zen_score' },
      ],
    },
  },
];
