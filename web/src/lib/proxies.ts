/**
 * Zero-cost proxies the dashboard compares when imported: Zen-NAS and those of the zero-cost
 * proxies study (../shared/data/proxies). Score columns that are not proxies (the source's own
 * flops, params and val_accuracy columns) are left out.
 */
export const KNOWN_PROXIES = [
  'zen_score',
  'synflow',
  'snip',
  'grad_norm',
  'fisher',
  'grasp',
  'jacov',
  'epe_nas',
  'l2_norm',
  'plain',
] as const;

/**
 * Whether an API error says the proxy was never imported (then it is simply not shown).
 *
 * @example isMissingProxy('predictors[0]: no imported proxy "synflow"') // true
 */
export function isMissingProxy(message: string): boolean {
  return message.includes('no imported proxy');
}
