// Module hooks that append every module URL this process loads to the file named by
// NNGP_RECORD_LOADS (hooks run on their own thread, so a file is the simplest way out).
// Registered with `node --import ./server/test/support/record-loads.mjs`.
import { appendFileSync } from 'node:fs';
import { register } from 'node:module';

if (process.env.NNGP_RECORD_LOADS_HOOKS === undefined) {
  process.env.NNGP_RECORD_LOADS_HOOKS = '1';
  register(import.meta.url, import.meta.url, { data: process.env.NNGP_RECORD_LOADS });
}

let log;

export function initialize(path) {
  log = path;
}

export async function load(url, context, nextLoad) {
  if (log !== undefined) appendFileSync(log, `${url}\n`);
  return nextLoad(url, context);
}
