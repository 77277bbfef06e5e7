// The `charterc` command line. Each command's code is imported only when
// that command runs, so `charterc --version` and `charterc check` load no
// more than they need (ajv, prettier and the language server stay unloaded).
import { Command, CommanderError, Help, InvalidArgumentError, Option } from "commander";
import { ConfigError } from "../project/config-file.js";
import { FileError } from "../project/safe-fs.js";
import { suggest } from "../text/suggest.js";
import { sanitizeForTerminal } from "../text/terminal.js";
import { NoInputError, processIo, UsageError, type Io } from "./io.js";
import { VERSION } from "../version.js";

function intArg(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < -1) throw new InvalidArgumentError("expected a whole number");
  return n;
}

export function buildProgram(io: Io, setExit: (code: number) => void): Command {
  const program = new Command("charterc");
  program
    .description("Check, format and publish community charters.")
    .version(VERSION, "-v, --version")
    .showHelpAfterError("see `charterc help`")
    .configureOutput({ writeOut: (s) => io.out(s.trimEnd()), writeErr: (s) => io.err(safeLines(s.trimEnd())) })
    .exitOverride()
    // A required option says so in the help (`-o, --out <dir>  output folder (required)`); subcommands inherit this.
    .configureHelp({
      optionDescription: (option) => {
        const text = Help.prototype.optionDescription.call(new Help(), option);
        return option.mandatory ? `${text} (required)` : text;
      },
    });
  // Which command is running, for the pointer under a usage error.
  program.hook("preAction", (_program, action) => {
    running = action.name();
  });

  program
    .command("check")
    .description("check charters: syntax, names, values and the property analyses")
    .argument("[paths...]", "files, folders or globs (default: `include` in charterc.yaml, else charters/**/*.charter)")
    .addOption(new Option("-f, --format <format>", "output format").choices(["text", "json", "sarif", "github"]).default("text"))
    .option("-q, --quiet", "report errors only")
    .option("--max-warnings <n>", "exit 1 when there are more than n warnings", intArg)
    .addOption(new Option("-p, --profile <profile>", "property profile").choices(["recommended", "panarchy", "strict"]))
    .option("-c, --config <file>", "path to charterc.yaml")
    .option("--color", "force colours")
    .option("--no-color", "disable colours")
    .action(async (paths: string[], flags) => {
      const { runCheck } = await import("./commands/check.js");
      setExit(await runCheck(paths, flags, io));
    });

  program
    .command("fmt")
    .description("format charters in the canonical layout (in place)")
    .argument("[paths...]", "files, folders or globs (default: `include` in charterc.yaml, else charters/**/*.charter)")
    .option("--check", "list the files that are not formatted and exit 1, without writing")
    .option("--stdin", "format standard input to standard output")
    .option("--stdin-filepath <path>", "the name standard input is reported under")
    .option("-c, --config <file>", "path to charterc.yaml")
    .option("--color", "force colours")
    .option("--no-color", "disable colours")
    .action(async (paths: string[], flags) => {
      const { runFmt } = await import("./commands/fmt.js");
      setExit(await runFmt(paths, flags, io));
    });

  program
    .command("diff")
    .description("what a change to a charter does to its members: a semantic diff, clause by clause")
    .argument("[files...]", "OLD NEW, or with --git the working files to compare (default: `include` in charterc.yaml)")
    .option("--git <rev>", "compare working files with their version at a git revision")
    .addOption(new Option("-f, --format <format>", "output format").choices(["text", "markdown", "json"]).default("text"))
    .addOption(new Option("--fail-on <what>", "exit 1 when a change weakens a guarantee, or on any change").choices(["weaken", "any"]))
    .addOption(new Option("-p, --profile <profile>", "property profile").choices(["recommended", "panarchy", "strict"]))
    .option("-c, --config <file>", "path to charterc.yaml")
    .option("--color", "force colours")
    .option("--no-color", "disable colours")
    .action(async (files: string[], flags) => {
      const { runDiff } = await import("./commands/diff.js");
      setExit(await runDiff(files, flags, io));
    });

  program
    .command("compare")
    .description("compare charters side by side: guarantees, exit terms, admission, jurisdiction, thresholds")
    .argument("<files...>", "two or more charter files")
    .addOption(new Option("-f, --format <format>", "output format").choices(["text", "markdown", "json"]).default("text"))
    .addOption(new Option("-p, --profile <profile>", "property profile").choices(["recommended", "panarchy", "strict"]))
    .option("-c, --config <file>", "path to charterc.yaml")
    .option("--color", "force colours")
    .option("--no-color", "disable colours")
    .action(async (files: string[], flags) => {
      const { runCompare } = await import("./commands/compare.js");
      setExit(await runCompare(files, flags, io));
    });

  program
    .command("build")
    .description("publish charters: Markdown constitution, canonical JSON, records schema, Institutional Grammar CSV, and a static HTML site")
    .argument("[paths...]", "files, folders or globs (default: `include` in charterc.yaml, else charters/**/*.charter)")
    .requiredOption("-o, --out <dir>", "output folder")
    .option("-e, --emit <kinds>", "comma-separated outputs: markdown, json, schema, ig, html (default: all)")
    .option("--git <rev>", "with html: a \"what changed\" page per charter, against this git revision")
    .addOption(new Option("-p, --profile <profile>", "property profile").choices(["recommended", "panarchy", "strict"]))
    .option("-c, --config <file>", "path to charterc.yaml")
    .option("--progress", "print a line per file (default: when stderr is a terminal and more than 3 files are built)")
    .option("--no-progress", "never print progress lines")
    .option("--color", "force colours")
    .option("--no-color", "disable colours")
    .action(async (paths: string[], flags) => {
      const { runBuild } = await import("./commands/build.js");
      setExit(await runBuild(paths, flags, io));
    });

  program
    .command("validate")
    .description("validate records (members, decisions, exit notices; YAML or JSON) against a charter")
    .argument("<records...>", "record files (.yaml, .yml or .json)")
    .requiredOption("--charter <file>", "the charter the records are kept under")
    .addOption(new Option("-f, --format <format>", "output format").choices(["text", "json"]).default("text"))
    .option("-c, --config <file>", "path to charterc.yaml")
    .option("--color", "force colours")
    .option("--no-color", "disable colours")
    .action(async (records: string[], flags) => {
      const { runValidate } = await import("./commands/validate.js");
      setExit(await runValidate(records, flags, io));
    });

  program
    .command("explain")
    .description("print the documentation of a rule, a diagnostic code, a section or a field")
    .argument("<id>", "a rule id (exit-entrenched), a code (CH0105), a section (membership) or a field (exit.notice)")
    // Accepted like every other command's (the page is plain text either way).
    .option("--color", "force colours")
    .option("--no-color", "disable colours")
    .action(async (id: string) => {
      const { explainOrFail } = await import("./commands/explain.js");
      io.out(explainOrFail(id));
      setExit(0);
    });

  // ── lsp (editor support, issue 6) ──
  program
    .command("lsp")
    .description("run the charter language server (for editors)")
    .option("--stdio", "talk LSP over stdin/stdout (the default)")
    .option("--socket <port>", "connect to the client listening on this port of 127.0.0.1 (1-65535)")
    .option("--node-ipc", "talk LSP over node IPC (when a Node client starts the server with an IPC channel)")
    .option("--pipe <name>", "connect to the client listening on a named pipe or Unix socket")
    .addOption(new Option("--clientProcessId <pid>", "the editor's process id (sent by editors)").hideHelp())
    .action(async (flags: { stdio?: boolean; socket?: string; nodeIpc?: boolean; pipe?: string; clientProcessId?: string }) => {
      const { parseServerArgs, startLanguageServer, ServerArgsError, ServerStartError } = await import("../lsp/bin.js");
      // The same reading of the options as `charterc-lsp`, from what commander parsed.
      const args = [...(flags.stdio ? ["--stdio"] : []), ...(flags.nodeIpc ? ["--node-ipc"] : []), ...(flags.socket !== undefined ? [`--socket=${flags.socket}`] : []), ...(flags.pipe !== undefined ? [`--pipe=${flags.pipe}`] : [])];
      if (flags.clientProcessId !== undefined) args.push(`--clientProcessId=${flags.clientProcessId}`);
      let command;
      try {
        command = parseServerArgs(args);
      } catch (e) {
        throw e instanceof ServerArgsError ? new UsageError(e.message) : e;
      }
      if (command.kind !== "run") return;
      try {
        await startLanguageServer(command.transport);
      } catch (e) {
        if (!(e instanceof ServerStartError)) throw e;
        io.err(`charterc: ${sanitizeForTerminal(e.message)}`);
        setExit(e.exitCode);
        return;
      }
      // The server runs until the client disconnects; keep the process alive.
      await new Promise<never>(() => {});
    });
  // ── end lsp ──

  // A usage error prints the one useful line and a pointer, not the whole help.
  for (const sub of program.commands) {
    sub.showHelpAfterError(`see \`charterc help ${sub.name()}\``);
  }
  return program;
}

/** The command whose action is running (set by the preAction hook). */
let running: string | undefined;

/** Command-line text can carry user input (an unknown option, a path): never as control characters. */
function safeLines(s: string): string {
  return s.split("\n").map(sanitizeForTerminal).join("\n");
}

export async function main(argv: readonly string[], io: Io = processIo): Promise<number> {
  let code = 0;
  running = undefined;
  const program = buildProgram(io, (c) => (code = c));
  try {
    if (argv.length === 0) {
      program.outputHelp();
      return 2;
    }
    // `charterc help NOPE`: commander prints the general help without a word about NOPE.
    if (argv[0] === "help" && argv[1] === "help") {
      io.out(program.helpInformation());
      return 0;
    }
    if (argv[0] === "help" && argv[1] !== undefined && !argv[1].startsWith("-") && !program.commands.some((c) => c.name() === argv[1] || c.aliases().includes(argv[1]!))) {
      const like = suggest(argv[1], program.commands.map((c) => c.name()));
      io.err(`charterc: unknown command '${sanitizeForTerminal(argv[1])}'${like ? ` (did you mean \`${like}\`?)` : ""}`);
      io.err("");
      io.err(program.helpInformation().trimEnd());
      return 2;
    }
    await program.parseAsync([...argv], { from: "user" });
    return code;
  } catch (e) {
    if (e instanceof CommanderError) {
      // --help and --version end here with exit code 0; argument errors with 2.
      return e.exitCode === 0 ? 0 : 2;
    }
    if (e instanceof UsageError) {
      io.err(`charterc: ${sanitizeForTerminal(e.message)}`);
      if (!(e instanceof NoInputError)) io.err(`see \`charterc help${running ? ` ${running}` : ""}\``);
      return 2;
    }
    if (e instanceof ConfigError || e instanceof FileError) {
      // A configuration or file the command cannot use: one line naming it.
      io.err(`charterc: ${sanitizeForTerminal(e.message)}`);
      return 2;
    }
    // A bug in charterc: say so plainly, without a stack trace unless asked.
    io.err(`charterc: internal error: ${sanitizeForTerminal(e instanceof Error ? e.message : String(e))}`);
    if (process.env.CHARTERC_DEBUG && e instanceof Error && e.stack) io.err(e.stack);
    return 2;
  }
}
