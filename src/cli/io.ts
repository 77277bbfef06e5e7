// What a command may touch: its streams and working directory.
export interface Io {
  readonly cwd: string;
  out(text: string): void;
  err(text: string): void;
}

/** The command itself could not run (bad arguments, no inputs): exit 2. */
export class UsageError extends Error {}

export const processIo: Io = {
  cwd: process.cwd(),
  out: (t) => void process.stdout.write(t.endsWith("\n") ? t : t + "\n"),
  err: (t) => void process.stderr.write(t.endsWith("\n") ? t : t + "\n"),
};
