import { hash as oneShotHash } from 'node:crypto';
import type { Matrix } from './matrix.ts';

const md5 = (text: string): string => oneShotHash('md5', text);

/**
 * NAS-Bench-101's `module_hash` (graph_util.hash_module), byte for byte: a Weisfeiler-Lehman
 * style md5 refinement over `vertices` rounds, then md5 of the Python list text of the sorted
 * vertex hashes.
 *
 * @example moduleHash([[0, 1], [0, 0]], [-1, -2]) // md5 of "['…', '…']"
 */
export function moduleHash(matrix: Matrix, labels: readonly number[]): string {
  const n = labels.length;
  const inputs: number[][] = Array.from({ length: n }, () => []);
  const outputs: number[][] = Array.from({ length: n }, () => []);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      if (matrix[i]?.[j]) {
        (outputs[i] as number[]).push(j);
        (inputs[j] as number[]).push(i);
      }
    }
  }
  return refinedHash(inputs, outputs, labels);
}

/** The same hash from adjacency lists (`inputs[v]` / `outputs[v]` are v's neighbours). */
export function refinedHash(
  inputs: readonly (readonly number[])[],
  outputs: readonly (readonly number[])[],
  labels: readonly number[],
): string {
  const n = labels.length;
  // Python's str() of the tuple (out_degree, in_degree, label).
  let hashes = labels.map((label, v) =>
    md5(`(${outputs[v]?.length ?? 0}, ${inputs[v]?.length ?? 0}, ${label})`),
  );
  for (let round = 0; round < n; round++) {
    const previous = hashes;
    hashes = previous.map((own, v) => {
      const ins = (inputs[v] ?? []).map((w) => previous[w] as string).sort();
      const outs = (outputs[v] ?? []).map((w) => previous[w] as string).sort();
      return md5(`${ins.join('')}|${outs.join('')}|${own}`);
    });
  }
  // Python's str() of a sorted list of strings.
  return md5(
    `[${hashes
      .sort()
      .map((h) => `'${h}'`)
      .join(', ')}]`,
  );
}
