// What a benchmark is: a name and a function that reports `bench <name> <value> <unit>` lines.

/** Prints one result line. */
export type Report = (name: string, value: number, unit: string) => void;

/** One benchmark. */
export interface Bench {
  readonly name: string;
  run(report: Report): Promise<void>;
  /**
   * The environment variables it reads (`VIGIE_DETECT_STAGING_S`): those set are recorded with the
   * run and named in the generated results.
   */
  readonly knobs?: readonly string[];
}
