/** Default sizes and seed of a generated data set (the CLI, `start` and the realism report share them). */
export const DEFAULT_CLIENTS = 20_000;
export const DEFAULT_TEST_CLIENTS = 5_000;
export const DEFAULT_SEED = 42;
