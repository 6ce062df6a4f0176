/** What streaming the whole CSV export took. */
export interface ExportFigures {
  rows: number;
  megabytes: number;
  seconds: number;
  /** The API process's resident memory before and at its peak during the export, in MiB. */
  rssBeforeMiB: number;
  rssPeakMiB: number;
}

/**
 * Downloads `GET /export/architectures.csv` (no filter: every architecture) from the API at
 * `graphqlUrl`, counting rows and bytes as they stream, and reads the server's memory around it.
 *
 * @example await exportFigures(api.url, api.memory)
 */
export async function exportFigures(
  graphqlUrl: string,
  memory: () => Promise<{ rss: number; peakRss: number }>,
): Promise<ExportFigures> {
  const before = await memory();
  const started = performance.now();
  const response = await fetch(new URL('/export/architectures.csv', graphqlUrl));
  if (!response.ok || response.body === null)
    throw new Error(`export answered ${response.status}: ${await response.text()}`);
  let bytes = 0;
  let lines = 0;
  for await (const chunk of response.body as AsyncIterable<Uint8Array>) {
    bytes += chunk.length;
    // No field holds a newline (hashes, numbers, op names, JSON matrices), so lines are rows.
    for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) lines++;
  }
  const seconds = (performance.now() - started) / 1000;
  const after = await memory();
  const MiB = 1024 * 1024;
  return {
    rows: lines - 1,
    megabytes: bytes / 1e6,
    seconds,
    rssBeforeMiB: before.rss / MiB,
    rssPeakMiB: after.peakRss / MiB,
  };
}
