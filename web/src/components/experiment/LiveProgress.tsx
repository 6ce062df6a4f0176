'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState } from 'react';
import { browserGraphql } from '../../lib/api/browser.ts';
import { EXPERIMENT_LIVE } from '../../lib/api/documents.ts';
import { errorMessage } from '../../lib/api/errors.ts';
import type { ExperimentLive } from '../../lib/api/types.ts';
import { describeLive, keepPolling, POLL_INTERVAL_MS } from '../../lib/live-progress.ts';

/**
 * The experiment's status, counts, last error, rate, ETA and engine, polled from the API every
 * few seconds until it is COMPLETED or CANCELLED; when the counts change the page's server
 * parts (progress bar and chart, configuration facts) are refreshed too.
 *
 * @example <LiveProgress initial={live} />
 */
export function LiveProgress(props: { initial: ExperimentLive }) {
  const router = useRouter();
  const [live, setLive] = useState(props.initial);
  const [error, setError] = useState<string | null>(null);
  const seen = useRef(signature(props.initial));
  const polling = keepPolling(live.status);

  useEffect(() => {
    if (!polling) return;
    const controller = new AbortController();
    const timer = setInterval(async () => {
      try {
        const data = await browserGraphql(
          EXPERIMENT_LIVE,
          { id: props.initial.id },
          controller.signal,
        );
        if (data.experiment === null || data.experiment === undefined) return;
        setLive(data.experiment);
        setError(null);
        const next = signature(data.experiment);
        if (next !== seen.current) {
          seen.current = next;
          router.refresh();
        }
      } catch (caught) {
        if (!controller.signal.aborted) setError(errorMessage(caught));
      }
    }, POLL_INTERVAL_MS);
    return () => {
      controller.abort();
      clearInterval(timer);
    };
  }, [polling, props.initial.id, router]);

  return (
    <section className="panel" aria-label="Live progress" data-testid="live-progress">
      <h2>Live status</h2>
      <p>
        <strong data-testid="live-status">{live.status.toLowerCase()}</strong>
        {polling ? <span className="muted"> · updating every few seconds</span> : null}
      </p>
      <p data-testid="live-facts">{describeLive(live).join(' · ')}</p>
      {live.lastError ? (
        <p className="state state-error" data-testid="live-last-error">
          Last error{live.lastErrorAt ? ` (${live.lastErrorAt})` : ''}: {live.lastError}
        </p>
      ) : null}
      {error ? (
        <p className="state state-error" role="alert">
          Progress could not be refreshed: {error}
        </p>
      ) : null}
    </section>
  );
}

/** What changes the page's server-rendered parts: status and counts. */
function signature(live: ExperimentLive): string {
  const p = live.progress;
  return [live.status, p.done, p.queued, p.running, p.failed].join(':');
}
