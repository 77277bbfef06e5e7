// The diff's judgement, case by case: matching, classification, bumps, escaping.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { checkFiles } from "../helpers/memory-host.js";
import { checkBump, diffCharters, parseSemver, sideOf } from "../../src/diff/index.js";
import MarkdownIt from "markdown-it";
import { diffsToMarkdown } from "../../src/diff/render.js";
import { diffTexts } from "./helpers.js";

const BASE = fs.readFileSync(path.resolve("test/diff/cases/exit-weakened/old.charter"), "utf8");
const edit = (from: string, to: string, text = BASE) => {
  if (!text.includes(from)) throw new Error(`not in base: ${from}`);
  return text.replace(from, to);
};
const fields = (oldText: string, newText: string) =>
  diffTexts(oldText, newText).changes.map((c) => `${c.kind} ${c.clause}${c.field ? `.${c.field}` : ""} ${c.effect} ${c.dimension}`);

describe("matching clauses", () => {
  test("a body and the decision that elects it, renamed together, are two renames", () => {
    const old = edit("  body assembly { members: all members }\n", "  body assembly { members: all members }\n  body council { members: 5 seats selection: election by ordinary recall: by ordinary }\n");
    const renamed = old.replaceAll("council", "board").replaceAll("ordinary", "everyday");
    expect(fields(old, renamed)).toEqual(["renamed body board neutral general", "renamed decision everyday neutral general"]);
  });

  test("a chain of 100 bodies and decisions, every one renamed, each unlocked by the one before it, is paired whole", () => {
    // council-i is elected by decision-(i-1) and decision-i is taken by council-i: all the councils
    // and all the decisions but the first look alike until the rename before them is known.
    const links = ["  decision decision-0 { by: assembly quorum: 20% threshold: majority of votes cast }"];
    for (let i = 1; i <= 100; i++) links.push(`  body council-${i} { members: 5 seats selection: election by decision-${i - 1} }`, `  decision decision-${i} { by: council-${i} quorum: 50% threshold: majority of votes cast }`);
    const old = edit("  body assembly { members: all members }\n", `  body assembly { members: all members }\n${links.join("\n")}\n`);
    const renamed = old.replaceAll("council-", "board-").replaceAll("decision-", "vote-");
    const changes = fields(old, renamed);
    expect(changes.filter((c) => !c.startsWith("renamed "))).toEqual([]);
    expect(changes.filter((c) => c.startsWith("renamed body board-")).length).toBe(100);
    expect(changes.filter((c) => c.startsWith("renamed decision vote-")).length).toBe(101);
  });

  test("a renamed decision whose quorum also changed is a rename plus a field change (matched by its references)", () => {
    const old = fs.readFileSync(path.resolve("test/diff/cases/procedure-renamed/old.charter"), "utf8");
    const renamed = old.replaceAll("ordinary", "everyday").replace("quorum: 20%", "quorum: 25%");
    expect(fields(old, renamed)).toEqual(["renamed decision everyday neutral general", "changed decision everyday.quorum strengthens voice"]);
  });

  test("an unrelated decision replacing another is a removal and an addition", () => {
    const replaced = edit("  decision ordinary {\n    by: assembly\n    quorum: 20%\n    threshold: majority of votes cast\n  }", "  decision budget {\n    by: assembly\n    threshold: unanimity\n  }");
    expect(fields(BASE, replaced)).toEqual(["added decision budget neutral voice", "removed decision ordinary neutral voice"]);
  });

  test("moving clauses around changes nothing", () => {
    const moved = edit("  rights {\n    speech: \"Members may speak and publish freely.\"\n  }\n", "").replace("  body assembly", '  rights {\n    speech: "Members may speak and publish freely."\n  }\n\n  body assembly');
    expect(fields(BASE, moved)).toEqual([]);
  });
});

describe("classification for members", () => {
  test("consent and jurisdiction", () => {
    const t = edit("jurisdiction: personal", 'jurisdiction: territorial "Lane County"', edit("consent: explicit", "consent: by residence"));
    expect(fields(BASE, t)).toEqual(["changed charter.jurisdiction weakens jurisdiction and consent", "changed membership.consent weakens jurisdiction and consent"]);
    expect(fields(t, BASE)).toEqual(["changed charter.jurisdiction strengthens jurisdiction and consent", "changed membership.consent strengthens jurisdiction and consent"]);
  });

  test("exit: penalty added, retains shrinks, shorter notice", () => {
    const t = edit("penalty: none", 'penalty: "forfeit of shares"', edit("retains: property, data", "retains: data"));
    expect(fields(BASE, t)).toEqual(["changed exit.penalty weakens exit", "changed exit.retains weakens exit"]);
    const longer = edit("notice: immediately", "notice: 30 days");
    expect(fields(longer, BASE)).toEqual(["changed exit.notice strengthens exit"]);
  });

  test("due process: appeal removed and notice shortened on the expulsion procedure", () => {
    const t = edit('    notice: 14 days\n    appeal: to "an arbiter both parties accept"\n', "    notice: 2 days\n    appeal: none\n");
    expect(fields(BASE, t)).toEqual(["changed decision expel.notice weakens due process", "changed decision expel.appeal weakens due process"]);
  });

  test("a threshold lowered on the amending procedure makes the charter easier to amend", () => {
    const t = edit("threshold: 3/4 of votes cast", "threshold: 2/3 of votes cast");
    expect(fields(BASE, t)).toEqual(["changed decision constitutional.threshold weakens amendment"]);
  });

  test("rights: a right removed weakens, a right renamed with the same text is neutral", () => {
    expect(fields(BASE, edit("speech:", "expression:"))).toEqual(["renamed rights.right expression neutral rights"]);
    const two = edit('speech: "Members may speak and publish freely."', 'speech: "Members may speak and publish freely."\n    assembly: "Members may meet."');
    expect(fields(two, BASE)).toEqual(["removed rights.right assembly weakens rights"]);
  });

  test("federation withdrawal: unilateral to by decision, longer notice", () => {
    const fed = 'federation "F" {\n  powers: defense\n  membership { eligibility: "x" admission: open }\n  exit { approval: none }\n}\n';
    const member = (w: string) => `import "./fed.charter" as f\n${BASE.replace("\n}\n", `\n  member of f { delegates: defense withdrawal: ${w} }\n}\n`)}`;
    const d = diffTexts(member("unilateral, notice 30 days"), member("by constitutional, notice 30 days"), { "fed.charter": fed });
    expect(d.changes.map((c) => [c.field, c.effect, c.old, c.new])).toEqual([["withdrawal", "weakens", "unilateral, notice 30 days", "by constitutional, notice 30 days"]]);
    const longer = diffTexts(member("unilateral, notice 30 days"), member("unilateral, notice 1 year"), { "fed.charter": fed });
    expect(longer.changes.map((c) => [c.field, c.effect])).toEqual([["withdrawal", "weakens"]]);
  });

  test("comments, layout and the version field alone are not changes", () => {
    const t = `// a new comment\n${BASE.replace('"1.2.0"', '"1.2.1"').replaceAll("\n  ", "\n      ")}`;
    const d = diffTexts(BASE, t);
    expect(d.changes).toEqual([]);
    expect(d.bump.suggested).toBe("none");
  });

  test("lines point at the field in each version", () => {
    const d = diffTexts(BASE, `\n\n${edit("quorum: 20%", "quorum: 30%")}`);
    const c = d.changes[0]!;
    expect([c.oldLine, c.newLine]).toEqual([24, 26]);
  });
});

describe("the formatter's output diffs as empty", () => {
  test("every example charter against its own formatted version", async () => {
    const { formatCharter } = await import("../../src/prettier/generated.js");
    const root = path.resolve("charters");
    const files: Record<string, string> = {};
    const walk = (dir: string) => {
      for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, e.name);
        if (e.isDirectory()) walk(p);
        else if (e.name.endsWith(".charter")) files[path.relative(root, p).split(path.sep).join("/")] = fs.readFileSync(p, "utf8");
      }
    };
    walk(root);
    expect(Object.keys(files).length).toBeGreaterThan(0);
    let compared = 0;
    for (const [file, text] of Object.entries(files)) {
      const f = await formatCharter(text, { file });
      if (!("formatted" in f)) continue; // a deliberately broken example
      const o = sideOf(checkFiles(files, [file]), file);
      const n = sideOf(checkFiles({ ...files, [file]: f.formatted }, [file]), file);
      if (!o || !n) continue;
      const d = diffCharters(o, n);
      expect({ file, changes: d.changes, properties: d.properties, costs: d.costs }).toEqual({ file, changes: [], properties: [], costs: [] });
      compared++;
    }
    expect(compared).toBeGreaterThan(3);
  });
});

describe("federation ties", () => {
  const FED = (powers: string) => `federation "Salish" {
  version: "1.0.0"
  jurisdiction: personal
  powers: ${powers}
  membership { eligibility: "any community" admission: open }
  exit { approval: none notice: 90 days penalty: none retains: property amendable: never }
  body congress { members: 1 seat per member }
  decision change { by: congress threshold: unanimity }
  amendments { by: change }
  disputes { by: "arbiters" }
}
`;
  const MEMBER = (delegates: string) => `import "./salish.charter" as salish
charter "Commons" {
  version: "1.0.0"
  jurisdiction: personal
  membership { eligibility: "anyone" admission: open }
  exit { approval: none notice: immediately penalty: none retains: property amendable: never }
  body assembly { members: all members }
  decision ordinary { by: assembly quorum: 50% threshold: 2/3 of votes cast }
  amendments { by: ordinary }
  disputes { by: "an arbiter" }
  member of salish { delegates: ${delegates} withdrawal: unilateral, notice 30 days }
}
`;
  const diffOf = (oldFed: string, oldDel: string, newFed: string, newDel: string) => {
    const o = checkFiles({ "salish.charter": FED(oldFed), "main.charter": MEMBER(oldDel) }, ["main.charter"]);
    const n = checkFiles({ "salish.charter": FED(newFed), "main.charter": MEMBER(newDel) }, ["main.charter"]);
    return diffCharters(sideOf(o, "main.charter")!, sideOf(n, "main.charter")!);
  };
  const tieChange = (d: ReturnType<typeof diffOf>) => d.changes.filter((c) => c.field === "undelegated federation powers");

  test("a federation that already claimed an undelegated power: the change names only the new one, with both lists", () => {
    const d = diffOf("defense, taxation", "defense", "defense, taxation, tolls", "defense");
    expect(tieChange(d)).toEqual([
      expect.objectContaining({ clause: "member of salish", old: "taxation", new: "taxation, tolls", effect: "weakens", description: "the federation salish now claims tolls, which this community does not delegate" }),
    ]);
    // The property already failed: no flip.
    expect(d.properties.map((p) => p.id)).toEqual([]);
  });

  test("taking a delegation back, and a federation dropping a power, are worded as what they are", () => {
    const back = diffOf("defense", "defense", "defense", "nothing");
    expect(tieChange(back)).toEqual([expect.objectContaining({ old: "none", new: "defense", effect: "weakens", description: "the federation salish still claims defense, which this community no longer delegates" })]);
    const dropped = diffOf("defense, taxation", "defense", "defense", "defense");
    expect(tieChange(dropped)).toEqual([expect.objectContaining({ old: "taxation", new: "none", effect: "strengthens" })]);
    // Delegating the claimed power is the `delegates` change alone.
    const delegated = diffOf("defense, taxation", "defense", "defense, taxation", "defense, taxation");
    expect(tieChange(delegated)).toEqual([]);
  });
});

describe("version bump", () => {
  test("semver parsing and the declared bump", () => {
    expect(parseSemver("v1.2.3-rc.1")).toEqual({ major: 1, minor: 2, patch: 3 });
    expect(parseSemver("1.2")).toBeNull();
    expect(checkBump("major", "1.2.0", "2.0.0")).toMatchObject({ declared: "major", warning: null });
    expect(checkBump("major", "1.2.0", "1.2.1").warning).toBe("the version declares a patch bump (1.2.0 → 1.2.1), but the changes call for a major bump");
    expect(checkBump("patch", "1.2.0", "1.1.0")).toMatchObject({ declared: "downgrade" });
    expect(checkBump("minor", null, "1.0.0").warning).toMatch(/missing/);
    expect(checkBump("none", "1.0.0", "1.0.0").warning).toBeNull();
    expect(checkBump("minor", "1.0.0", "1.0.0").warning).toBe("the version does not change (1.0.0 → 1.0.0), but the changes call for a minor bump");
  });
});

describe("Markdown escaping", () => {
  const gfm = new MarkdownIt({ html: true, linkify: true });

  test("a hostile charter name and penalty cannot inject markup into the PR comment", () => {
    const hostile = BASE.replace('"Free Commons"', '"<img src=x onerror=alert(1)> | **Pwned** x@evil.com"');
    const d = diffTexts(hostile, edit("penalty: none", 'penalty: "</td><script>x</script> | col docs.github.io/phish"', hostile));
    const md = diffsToMarkdown([d]);
    const html = gfm.render(md);
    expect(html).not.toMatch(/<img|<script|<\/td><script|<strong>Pwned|<a /);
    // Shown literally.
    expect(html).toContain("&lt;img src=x onerror=alert(1)&gt; | **Pwned** x@evil.com");
    expect(html).toContain("&lt;/td&gt;&lt;script&gt;x&lt;/script&gt; | col docs.github.io/phish");
    // Every row keeps its table's columns: 6 for changes, 5 for properties (escaped pipes do not split cells).
    const rows = [...html.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((m) => (m[1]!.match(/<t[dh]/g) ?? []).length);
    expect(rows.filter((n) => n !== 6 && n !== 5)).toEqual([]);
    expect(rows.length).toBeGreaterThan(3);
  });

  test("versions and file names are not littered with backslashes; reasons keep their code spans", () => {
    const d = diffTexts(BASE, edit("approval: none", "approval: by ordinary"));
    const md = diffsToMarkdown([d]);
    expect(md).not.toContain("\\.");
    expect(md).toContain("`old.charter` → `new.charter`");
    const html = gfm.render(md);
    expect(html).toContain("<code>by ordinary</code>");
    expect(html).not.toContain("`");
  });
});
