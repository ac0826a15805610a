/** Default seed of a training run (the pipeline and `creditlens train` share it). */
export const DEFAULT_TRAINING_SEED = 42;
