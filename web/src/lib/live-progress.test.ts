import { describe, expect, it } from 'vitest';
import type { ExperimentLive } from './api/types.ts';
import { describeLive, keepPolling } from './live-progress.ts';

const LIVE: ExperimentLive = {
  id: '3',
  status: 'RUNNING',
  engine: 'onnx',
  backend: 'cpu',
  costPflops: 0.5,
  lastError: null,
  lastErrorAt: null,
  cancelledAt: null,
  progress: {
    done: 2,
    queued: 1,
    running: 1,
    failed: 0,
    failedForGood: 0,
    total: 3,
    ratePerHour: 120,
    etaSeconds: 30,
  },
};

describe('keepPolling', () => {
  it('stops once the experiment is completed or cancelled', () => {
    expect(keepPolling('CREATED')).toBe(true);
    expect(keepPolling('QUEUED')).toBe(true);
    expect(keepPolling('RUNNING')).toBe(true);
    expect(keepPolling('FAILED')).toBe(true);
    expect(keepPolling('COMPLETED')).toBe(false);
    expect(keepPolling('CANCELLED')).toBe(false);
  });
});

describe('describeLive', () => {
  it('says done of total, running, failures, rate, ETA, engine and cost', () => {
    expect(describeLive(LIVE)).toEqual([
      '2 of 3 done',
      '1 running',
      'no failures',
      '120.0 architectures/h',
      'ETA 1 min',
      'onnx on cpu',
      '0.5 PFLOPs',
    ]);
  });

  it('counts failures and says when there is no rate or result yet', () => {
    const parts = describeLive({
      ...LIVE,
      engine: null,
      backend: null,
      progress: {
        ...LIVE.progress,
        running: 0,
        failed: 2,
        failedForGood: 1,
        ratePerHour: null,
        etaSeconds: null,
      },
    });
    expect(parts).toContain('2 failed (1 for good)');
    expect(parts).toContain('no rate yet (fewer than two results in the last hour)');
    expect(parts).toContain('no result yet');
    expect(parts.some((part) => part.startsWith('ETA'))).toBe(false);
  });
});
