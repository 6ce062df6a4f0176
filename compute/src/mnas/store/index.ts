/**
 * MNAS networks, their imported measurements and paper Fig. 7 in the database. No TensorFlow.js
 * (the server imports it); the evaluation into an experiment is `runMnasEvaluation` in
 * `@nngp-nas/compute/mnas`.
 *
 * @example
 * import { importMnasMeasurements, loadFig7 } from '@nngp-nas/compute/mnas/store';
 * await importMnasMeasurements(database, 'mnas.csv');            // reward at T = 75 ms, w = −0.07
 * const fig7 = await loadFig7(database.db, { experimentId: 4 }); // top-10 by each measure
 */
export { Fig7InputError } from '../errors.ts';
export { loadFig7, type StoredFig7, type StoredFig7Options } from './fig7.ts';
export { importMnasMeasurements, type MeasurementsImport } from './import-measurements.ts';
export { mnasArchitectureRow, upsertMnasNetworks } from './networks.ts';
