/**
 * Values by hash in a form that crosses to a worker thread cheaply: the hashes joined into one
 * string (copied as one block, not 423,624 strings one by one) and the values in a Float64Array
 * (moved, not copied). Built in one pass over a Map, so the event loop pays O(n) and no sort.
 */
export interface PortableValues {
  /** The hashes, each followed by '\n'. */
  hashes: string;
  values: Float64Array;
}

/**
 * A Map of values by hash as PortableValues.
 *
 * @example toPortable(new Map([['ab', 1]])) // { hashes: 'ab\n', values: Float64Array [1] }
 */
export function toPortable(map: ReadonlyMap<string, number>): PortableValues {
  const values = new Float64Array(map.size);
  const parts: string[] = new Array(map.size);
  let i = 0;
  for (const [hash, value] of map) {
    parts[i] = hash;
    values[i++] = value;
  }
  return { hashes: map.size === 0 ? '' : `${parts.join('\n')}\n`, values };
}

/**
 * PortableValues back as a Map (in the worker).
 *
 * @example fromPortable(toPortable(map)).get(hash) === map.get(hash) // true
 */
export function fromPortable(portable: PortableValues): Map<string, number> {
  const map = new Map<string, number>();
  if (portable.hashes === '') return map;
  const hashes = portable.hashes.split('\n');
  for (let i = 0; i < portable.values.length; i++)
    map.set(hashes[i] as string, portable.values[i] as number);
  return map;
}

/** The buffers of `portables` to move (not copy) to a worker. */
export function buffersOf(...arrays: Float64Array[]): ArrayBuffer[] {
  return [...new Set(arrays.map((a) => a.buffer as ArrayBuffer))];
}
