// SARIF, GitHub annotations and `explain`: pure renderings of a check result.
import fs from "node:fs";
import path from "node:path";
import Ajv from "ajv";
import addFormats from "ajv-formats";
import { describe, expect, it } from "vitest";
import { docsPageFor, explain } from "../../src/cli/commands/explain.js";
import { escapeData, escapeProperty, toGithub } from "../../src/cli/format-github.js";
import { toSarif } from "../../src/cli/format-sarif.js";
import { CODES } from "../../src/diagnostics/codes.js";
import type { Diagnostic } from "../../src/diagnostics/diagnostic.js";
import { RULES } from "../../src/rules/index.js";
import { checkFiles } from "../rules/harness.js";
import { sourceLinks } from "../../scripts/build.mjs";

const ROOT = path.resolve(import.meta.dirname, "../..");

const FED = `federation "Cascadia, 50% Free" {
  jurisdiction: personal
  powers: defense, trade
  exit { approval: by council-vote notice: 3 years }
  body council { members: 1 seat per member }
  decision council-vote { by: council quorum: 50% threshold: 2/3 of votes cast }
  amendments { by: council-vote }
  disputes { by: "a joint panel" }
}
`;
const MEMBER = `import "./fed.charter" as cascadia

charter "Commons" {
  jurisdiction: personal
  membership { eligibility: "anyone" admission: open }
  body assembly { members: all members }
  decision ordinary { by: assembly quorum: 20% threshold: majority of votes cast }
  amendments { by: ordinary }
  exit { approval: none notice: immediately }
  member of cascadia { delegates: defense withdrawal: unilateral }
}
`;

function sample() {
  return checkFiles({ "fed.charter": FED, "dir with space/member.charter": MEMBER.replace("./fed.charter", "../fed.charter") });
}

describe("toSarif", () => {
  // The official SARIF 2.1.0 schema (OASIS, as published on SchemaStore as
  // sarif-2.1.0-rtm.5.json), copied verbatim from the npm package
  // @microsoft/jest-sarif 1.0.0-beta.0 (lib/schemas/). It is draft-04, which
  // ajv 8 reads once `id` is `$id`; one of its patterns is not valid with the
  // `u` flag, hence unicodeRegExp: false.
  const official = JSON.parse(fs.readFileSync(path.join(import.meta.dirname, "sarif-2.1.0-rtm.5.schema.json"), "utf8"));
  const { id, $schema: _draft04, ...rest } = official;
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv);
  const validate = ajv.compile({ ...rest, $id: id });

  it("is valid SARIF 2.1.0 (against the official schema)", () => {
    const result = sample();
    expect(result.files.flatMap((f) => f.diagnostics).length).toBeGreaterThan(3);
    const helped = toSarif(result, { helpFor: (code) => explain(code) });
    for (const sarif of [toSarif(result), helped]) {
      const ok = validate(sarif);
      expect(validate.errors ?? []).toEqual([]);
      expect(ok).toBe(true);
    }
    // The schema has teeth: a level SARIF does not know is refused.
    const bad = structuredClone(toSarif(result)) as any;
    bad.runs[0].results[0].level = "fatal";
    expect(validate(bad)).toBe(false);
  });

  it("has one run whose rules cover the registry, and results that point at them", () => {
    const sarif = toSarif(sample()) as any;
    expect(sarif.version).toBe("2.1.0");
    expect(sarif.runs).toHaveLength(1);
    const run = sarif.runs[0];
    const rules = run.tool.driver.rules;
    expect(rules.map((r: any) => r.id)).toEqual([...CODES.keys()]);
    expect(rules.find((r: any) => r.id === "CH0203").name).toBe("exit-entrenched");
    // No links given (package.json declares no repository): no addresses at all, rather than made-up ones.
    expect(rules.filter((r: any) => "helpUri" in r)).toEqual([]);
    expect("informationUri" in run.tool.driver).toBe(false);
    for (const r of run.results) {
      expect(rules[r.ruleIndex].id).toBe(r.ruleId);
      const region = r.locations[0].physicalLocation.region;
      expect(region.startLine).toBeGreaterThanOrEqual(1);
      expect(region.startColumn).toBeGreaterThanOrEqual(1);
    }
  });

  it("with a repository's links, each rule's helpUri is its docs page in that repository, a page the package ships", () => {
    const links = { informationUri: "https://example.org/charterc", docsBase: "https://github.com/o/r/blob/HEAD/" };
    const sarif = toSarif(sample(), { links }) as any;
    expect(validate(sarif)).toBe(true);
    const { driver } = sarif.runs[0].tool;
    expect(driver.informationUri).toBe(links.informationUri);
    expect(driver.rules.find((r: any) => r.id === "CH0203").helpUri).toBe("https://github.com/o/r/blob/HEAD/docs/rules/exit-entrenched.md");
    expect(driver.rules.find((r: any) => r.id === "CH0106").helpUri).toBe("https://github.com/o/r/blob/HEAD/docs/codes/CH0106.md");
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8"));
    expect(pkg.files).toContain("docs");
    for (const r of driver.rules) {
      const rel = r.helpUri.slice(links.docsBase.length);
      expect(rel).toMatch(/^docs\//);
      expect(fs.existsSync(path.join(ROOT, rel)), rel).toBe(true);
    }
  });

  it("derives its links from package.json's repository and homepage, and from nothing else", () => {
    expect(sourceLinks({})).toEqual({});
    expect(sourceLinks({ repository: "https://gitlab.com/o/r" })).toEqual({});
    expect(sourceLinks({ homepage: "http://insecure.example" })).toEqual({});
    expect(sourceLinks({ homepage: "https://charters.example" })).toEqual({ informationUri: "https://charters.example" });
    const gh = { informationUri: "https://github.com/o/r", docsBase: "https://github.com/o/r/blob/HEAD/" };
    for (const repository of ["o/r", "github:o/r", "https://github.com/o/r", "git+https://github.com/o/r.git", "git@github.com:o/r.git", { type: "git", url: "git+ssh://git@github.com/o/r.git" }]) {
      expect(sourceLinks({ repository }), JSON.stringify(repository)).toEqual(gh);
    }
    expect(sourceLinks({ repository: { url: "github:o/r", directory: "/packages/charterc/" }, homepage: "https://charters.example" })).toEqual({
      informationUri: "https://charters.example",
      docsBase: "https://github.com/o/r/blob/HEAD/packages/charterc/",
    });
  });

  it("uses 1-based regions with the end column exclusive, and percent-encodes paths", () => {
    const result = sample();
    const sarif = toSarif(result) as any;
    const member = result.files.find((f) => f.file.endsWith("member.charter"))!;
    const d = member.diagnostics.find((x) => x.rule === "federation-withdrawal" || x.rule === "federation-subsidiarity")!;
    const r = sarif.runs[0].results.find((x: any) => x.ruleId === d.code && x.message.text.startsWith(d.message));
    const loc = r.locations[0].physicalLocation;
    expect(loc.artifactLocation.uri).toBe("dir%20with%20space/member.charter");
    const text = member.text.slice(d.span.start, d.span.end);
    const line = member.text.split("\n")[loc.region.startLine - 1]!;
    expect(line.slice(loc.region.startColumn - 1, loc.region.endColumn - 1)).toBe(text);
  });

  it("carries related locations in other files", () => {
    const sarif = toSarif(sample()) as any;
    const sub = sarif.runs[0].results.find((x: any) => x.properties?.rule === "federation-subsidiarity");
    expect(sub.relatedLocations[0].physicalLocation.artifactLocation.uri).toBe("fed.charter");
    expect(sub.relatedLocations[0].physicalLocation.region.startLine).toBe(3);
  });

  it("is valid for an empty result", () => {
    expect(validate(toSarif({ files: [] }))).toBe(true);
  });
});

describe("toGithub", () => {
  it("escapes data and properties per the runner's rules", () => {
    expect(escapeData("50% done\r\nnext")).toBe("50%25 done%0D%0Anext");
    expect(escapeProperty("a:b,c%")).toBe("a%3Ab%2Cc%25");
  });

  it("prints one workflow command per diagnostic with 1-based positions", () => {
    const text = `charter "T" {\n  jurisdiction: personal\n}\n`;
    const d: Diagnostic = { code: "CH0211", rule: "dispute-resolution", severity: "warning", message: "no `disputes`: 100%, really", file: "a,b:c.charter", span: { start: 8, end: 11 } };
    const out = toGithub({ files: [{ file: "a,b:c.charter", text, diagnostics: [d] }] });
    expect(out).toBe("::warning file=a%2Cb%3Ac.charter,line=1,col=9,endLine=1,endColumn=12,title=CH0211::no `disputes`: 100%25, really");
  });

  it("maps severities and honours quiet", () => {
    const text = "x\ny\n";
    const mk = (severity: Diagnostic["severity"], start: number): Diagnostic => ({ code: "CH0210", severity, message: "m", file: "f.charter", span: { start, end: start + 1 }, help: "h" });
    const input = { files: [{ file: "f.charter", text, diagnostics: [mk("error", 0), mk("warning", 2), mk("info", 2)] }] };
    const lines = toGithub(input).split("\n");
    expect(lines.map((l) => l.split(" ")[0])).toEqual(["::error", "::warning", "::notice"]);
    expect(lines[0]).toBe("::error file=f.charter,line=1,col=1,endLine=1,endColumn=2,title=CH0210::m%0Ahelp: h");
    expect(lines[1]).toContain("line=2,col=1");
    expect(toGithub(input, { quiet: true }).split("\n")).toHaveLength(1);
    expect(toGithub({ files: [] })).toBe("");
  });

  it("renders a real check", () => {
    const out = toGithub(sample());
    for (const line of out.split("\n")) expect(line).toMatch(/^::(error|warning|notice) file=[^:]+,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=CH\d{4}::.+$/);
  });
});

describe("explain", () => {
  it("finds rule pages by id and by code", () => {
    for (const r of RULES) {
      expect(docsPageFor(r.id)).toBe(`docs/rules/${r.id}.md`);
      expect(docsPageFor(r.code)).toBe(`docs/rules/${r.id}.md`);
      expect(docsPageFor(r.code.toLowerCase())).toBe(`docs/rules/${r.id}.md`);
      const page = explain(r.id, { root: ROOT });
      expect(page, r.id).toBeDefined();
      expect(page).toMatch(new RegExp(`^# \`${r.id}\``));
    }
  });

  it("finds other codes by code and name, from the package root", () => {
    expect(docsPageFor("CH0105")).toBe("docs/codes/CH0105.md");
    expect(docsPageFor("invalid-value")).toBe("docs/codes/CH0105.md");
    expect(explain("CH0105")).toBe(fs.readFileSync(path.join(ROOT, "docs/codes/CH0105.md"), "utf8"));
  });

  it("returns undefined for unknown names", () => {
    expect(explain("no-such-rule")).toBeUndefined();
    expect(explain("CH9999")).toBeUndefined();
  });
});
