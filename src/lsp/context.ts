// What feature handlers may ask of the workspace (kept narrow so each
// feature file can be tested and read on its own).
import type { FileResult } from "../compiler.js";

export interface FeatureContext {
  /** The latest result of a file, analysed up to its newest version. */
  resultOf(file: string): FileResult | undefined;
  uriOf(file: string): string;
  /** Every file the workspace knows about. */
  allResults(): Iterable<FileResult>;
}
