export interface ShapeInput {
  /** Project-relative path → text. */
  readonly files: Record<string, string>;
  /** Project-relative paths a user names on the command line. */
  readonly entries: string[];
  /** The folder a folder-shaped input is checked as. */
  readonly folder?: string;
  /** The older version of the same paths, for `diff` / `compare`. */
  readonly previous?: Record<string, string>;
  /** The same content as a plain JSON document (for the YAML + ajv baseline). */
  readonly json?: unknown;
}
export interface Shape {
  readonly n: number;
  readonly testN: number;
  readonly issueTable?: boolean;
  readonly commands: readonly ("check" | "build" | "diff")[];
  readonly note: string;
  make(n: number): ShapeInput;
}
export declare const SHAPES: Readonly<Record<string, Shape>>;
export declare function linesOf(input: ShapeInput): number;
export declare function charterSource(opts?: Record<string, unknown>): string;
export declare function electionChain(n: number): ShapeInput;
export declare function electionChainModel(n: number, editQuorum?: boolean): unknown;
/** The sections of a small clean charter, after its header line, up to its closing brace. */
export declare const CLEAN_SECTIONS: string;
/** The worst inputs per byte the limits accept, each filled up to `bytes` bytes or `tokens` tokens. */
export declare const LIMIT_SHAPES: Readonly<Record<string, (limits: { bytes: number; tokens: number }) => string>>;
export declare function lspFederation(members: number, dir?: string): { files: Record<string, string>; member(i: number, quorum?: number): string };
