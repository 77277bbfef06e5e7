// The committed grammar/railroad.html must be what the parser generates, and
// grammar/charter.ebnf must define exactly the parser's rules.
// Refresh the railroad with `node scripts/gen-railroad.mjs`, or
// `UPDATE=1 npx vitest run test/syntax/grammar-sync.test.ts`.
import { readFileSync, writeFileSync } from "node:fs";
import { expect, test } from "vitest";
import { grammarRuleNames, railroadHtml } from "../../src/syntax/index.js";

const RAILROAD = new URL("../../grammar/railroad.html", import.meta.url);
const EBNF = new URL("../../grammar/charter.ebnf", import.meta.url);

test("grammar/railroad.html is up to date", () => {
  const html = railroadHtml();
  if (process.env.UPDATE === "1") writeFileSync(RAILROAD, html);
  expect(readFileSync(RAILROAD, "utf8"), "run `node scripts/gen-railroad.mjs` to refresh").toBe(html);
});

test("every parser rule is defined in grammar/charter.ebnf, and vice versa", () => {
  // Parser rules are the lower-case definitions at a line start (`name =`);
  // tokens and helper definitions are upper case.
  const ebnf = readFileSync(EBNF, "utf8").replace(/\(\*[\s\S]*?\*\)/g, "");
  const defined = [...ebnf.matchAll(/^([a-z][A-Za-z0-9_]*)\s*=/gm)].map((m) => m[1]!);
  expect([...defined].sort()).toEqual([...grammarRuleNames()].sort());
});
