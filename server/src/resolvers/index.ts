import type { Resolvers } from '../generated/resolvers-types.ts';
import { Architecture } from './architecture.ts';
import { ArchitectureConnection } from './architecture-connection.ts';
import { Experiment } from './experiment.ts';
import { ExperimentConfig } from './experiment-config.ts';
import { Fig7 } from './fig7.ts';
import { Mutation } from './mutation.ts';
import { NngpResult } from './nngp-result.ts';
import { ProxyScore } from './proxy-score.ts';
import { Query } from './query.ts';
import { SizeCluster } from './size-cluster.ts';
import { TrainingRepeat } from './training-repeat.ts';
import { TrainingRun } from './training-run.ts';

/** Every type's resolvers; fields not listed resolve to the row property of the same name. */
export const resolvers: Resolvers = {
  Query,
  Mutation,
  Architecture,
  ArchitectureConnection,
  TrainingRun,
  NngpResult,
  ProxyScore,
  SizeCluster,
  Experiment,
  ExperimentConfig,
  Fig7,
  TrainingRepeat,
};
