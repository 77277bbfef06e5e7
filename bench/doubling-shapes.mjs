// Hostile input shapes whose cost must grow linearly: doubling n may cost at
// most ~2.3× (issue: "the lexer must stay linear"). One list, used by the
// counted-work test (test/hostile/linear.test.ts) and timed by the bench
// (bench/run.mjs, "Doubling"). n counts tokens, roughly; keep it a multiple of 20.
export const DOUBLING_SHAPES = {
  "repeated tokens": (n) => "exit ".repeat(n),
  "unterminated string first": (n) => `charter "x {\n${"  body b { members: all members }\n".repeat(n / 10)}}`,
  "deep braces": (n) => `charter "x" {${"{".repeat(n)}`,
  "deep brackets": (n) => `charter "x" { exit { approval: ${"[".repeat(n)} } }`,
  "valid sections": (n) => `charter "x" {\n${Array.from({ length: n / 20 }, (_, i) => `  body b${i} { members: all members }\n`).join("")}}`,
};
