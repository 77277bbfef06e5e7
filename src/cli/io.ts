// What a command may touch: its streams and working directory.
export interface Io {
  readonly cwd: string;
  out(text: string): void;
  err(text: string): void;
}

/** The command itself could not run (bad arguments, no inputs): exit 2. */
export class UsageError extends Error {}

/** The inputs named do not exist: exit 2 with that one line (no pointer to the help: the usage was right). */
export class NoInputError extends UsageError {}

export const processIo: Io = {
  cwd: process.cwd(),
  out: (t) => void process.stdout.write(t.endsWith("\n") ? t : t + "\n"),
  err: (t) => void process.stderr.write(t.endsWith("\n") ? t : t + "\n"),
};
