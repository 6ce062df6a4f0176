import { SpecError } from '../errors.ts';
import type { NasbenchRecord } from '../records/index.ts';
import { RecordFileError, type RecordLocation } from '../records/index.ts';
import { ModelSpec } from '../spec.ts';

/**
 * Checks a record against the search space: its spec must be valid, hash to the stored
 * module_hash and have the stored trainable_parameters. Results are cached per module because a
 * file holds every repeat and epoch budget of a module next to each other.
 */
export class RecordVerifier {
  readonly #cache = new Map<string, ModelSpec>();
  readonly #capacity: number;

  constructor(capacity = 4096) {
    this.#capacity = capacity;
  }

  verify(record: NasbenchRecord, where: RecordLocation): ModelSpec {
    const key = `${record.moduleHash}/${record.matrixText}/${record.operations.join(',')}`;
    const cached = this.#cache.get(key);
    const spec = cached ?? this.#check(record, where);
    if (cached === undefined) {
      if (this.#cache.size >= this.#capacity) this.#cache.clear();
      this.#cache.set(key, spec);
    }
    const stored = record.metrics.trainableParameters;
    if (stored !== null && stored !== spec.trainableParameters()) {
      throw new RecordFileError(
        where,
        `trainable_parameters is ${stored} but module ${record.moduleHash} has ${spec.trainableParameters()}`,
        { field: 'raw_metrics' },
      );
    }
    return spec;
  }

  #check(record: NasbenchRecord, where: RecordLocation): ModelSpec {
    let spec: ModelSpec;
    try {
      spec = new ModelSpec(record.matrix, record.operations);
    } catch (error) {
      if (error instanceof SpecError) {
        throw new RecordFileError(where, `invalid cell: ${error.message}`, {
          field: 'raw_adjacency',
        });
      }
      throw error;
    }
    if (spec.hash() !== record.moduleHash) {
      throw new RecordFileError(
        where,
        `module hash mismatch: the record says ${record.moduleHash}, its cell hashes to ${spec.hash()}`,
        { field: 'module_hash' },
      );
    }
    return spec;
  }
}
