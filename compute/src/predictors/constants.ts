/** The epoch budget whose repeats' mean final validation accuracy is the ground truth (DESIGN.md §3). */
export const GROUND_TRUTH_EPOCHS = 108;

/** Shortened-training budgets compared with the ground truth (108 epochs is the truth itself). */
export const TRAINING_BUDGETS: readonly number[] = Object.freeze([4, 12, 36]);

/** Repeats NAS-Bench-101 trains of every (module, epoch budget). */
export const NASBENCH_REPEATS = 3;
