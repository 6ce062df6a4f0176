import { doublePrecision, index, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { architectures } from './architectures.ts';

/** Zero-cost proxy scores from other work (one named proxy per CSV column). */
export const proxyScores = pgTable(
  'proxy_scores',
  {
    proxy: text('proxy').notNull(),
    moduleHash: text('module_hash')
      .notNull()
      .references(() => architectures.hash),
    value: doublePrecision('value'),
    source: text('source').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.proxy, t.moduleHash] }),
    index('proxy_scores_module_idx').on(t.moduleHash),
  ],
);

export type ProxyScoreRow = typeof proxyScores.$inferSelect;
