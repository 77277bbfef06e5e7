// Seeded workload generators for `npm run bench`.
//
// Each generator builds a small plain model of a charter and renders it two
// ways from the same model: as charter text (what charterc checks) and as a
// JSON form written as YAML (what a community would otherwise keep: a YAML
// file validated by a JSON Schema). Both carry the same information, so the
// comparison is on the same content.

/** mulberry32: a small, fast, seeded PRNG (uniform in [0, 1)). */
export function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = (r, xs) => xs[Math.floor(r() * xs.length)];
const int = (r, lo, hi) => lo + Math.floor(r() * (hi - lo + 1));

const THRESHOLDS = [
  { text: "majority of votes cast", json: { kind: "majority", of: "votes-cast" } },
  { text: "majority of members", json: { kind: "majority", of: "members" } },
  { text: "2/3 of votes cast", json: { kind: "share", value: 2 / 3, of: "votes-cast" } },
  { text: "3/4 of members", json: { kind: "share", value: 0.75, of: "members" } },
  { text: "60% of votes cast", json: { kind: "share", value: 0.6, of: "votes-cast" } },
  { text: "unanimity", json: { kind: "unanimity" } },
  { text: "consensus", json: { kind: "consensus" } },
];
const DURATIONS = [
  ["immediately", 0],
  ["14 days", 14],
  ["30 days", 30],
  ["2 weeks", 14],
  ["6 months", 180],
  ["1 year", 365],
];
const WORDS = "commons mutual aid garden bakery watershed assembly council harvest river orchard library workshop kitchen".split(" ");

/**
 * A charter with `clauses` clauses (named bodies and decisions make up all
 * but the fixed sections). Valid: every reference resolves to an earlier
 * body or decision.
 */
export function charterModel(seed, clauses, opts = {}) {
  const r = rng(seed);
  const name = opts.name ?? `Bench Commons ${seed}`;
  const fixed = 6; // membership, exit, amendments, rights, disputes, dissolution
  const named = Math.max(2, clauses - fixed);
  const bodies = [{ name: "assembly", members: { all: true } }];
  const decisions = [{ name: "ordinary", by: "assembly", quorum: 0.2, threshold: THRESHOLDS[0], notice: null, appeal: null }];
  for (let i = 2; i < named; i++) {
    if (r() < 0.3) {
      const seated = r() < 0.7;
      const b = { name: `body-${i}`, members: seated ? { seats: int(r, 3, 15) } : { all: true } };
      if (seated) {
        const s = r();
        b.selection = s < 0.6 ? { kind: "election", by: pick(r, decisions).name } : s < 0.8 ? { kind: "sortition" } : { kind: "appointment", by: pick(r, bodies).name };
        b.term = pick(r, DURATIONS);
        b.recall = pick(r, decisions).name;
      }
      bodies.push(b);
    } else {
      decisions.push({
        name: `decision-${i}`,
        by: pick(r, bodies).name,
        quorum: r() < 0.7 ? int(r, 10, 90) / 100 : null,
        threshold: pick(r, THRESHOLDS),
        notice: r() < 0.5 ? pick(r, DURATIONS) : null,
        appeal: r() < 0.3 ? pick(r, bodies).name : null,
      });
    }
  }
  const amendBy = decisions[Math.min(decisions.length - 1, 1 + int(r, 0, 3))].name;
  const rights = [];
  for (let i = 0; i < 3; i++) rights.push([`right-${i}`, `Members may ${pick(r, WORDS)} and ${pick(r, WORDS)} freely.`]);
  return {
    kind: opts.kind ?? "charter",
    name,
    imports: opts.imports ?? [],
    ties: opts.ties ?? [],
    federation: opts.federation ?? null,
    version: "1.0.0",
    preamble: `We associate by consent around the ${pick(r, WORDS)}.\nWhoever joins may leave.`,
    membership: { eligibility: `any person who tends the ${pick(r, WORDS)}`, admission: "open", consent: "explicit", concurrent: "allowed", expulsion: decisions[decisions.length - 1].name },
    exit: { approval: "none", notice: pick(r, DURATIONS), penalty: "none", retains: ["property", "data"], amendable: "never" },
    bodies,
    decisions,
    amendments: { by: amendBy, delay: DURATIONS[4] },
    rights,
    disputes: `an arbiter both parties accept`,
    dissolution: { by: amendBy, assets: "to members" },
  };
}

const q = (s) => JSON.stringify(s);
const pct = (x) => `${Math.round(x * 100)}%`;

/** The model as charter source text. */
export function charterText(m) {
  const o = [];
  for (const [path, alias] of m.imports) o.push(`import ${q(path)} as ${alias}`);
  if (m.imports.length) o.push("");
  o.push(`${m.kind} ${q(m.name)} {`);
  o.push(`  version: ${q(m.version)}`, "  jurisdiction: personal", '  preamble: """');
  for (const l of m.preamble.split("\n")) o.push(`    ${l}`);
  o.push('  """');
  if (m.federation) {
    o.push(`  powers: ${m.federation.powers.join(", ")}`);
    o.push(`  requires: ${m.federation.requires.join(", ")}`);
  }
  const ms = m.membership;
  o.push("", "  membership {", `    eligibility: ${q(ms.eligibility)}`, `    admission: ${ms.admission}`, `    consent: ${ms.consent}`, `    concurrent: ${ms.concurrent}`, `    expulsion: by ${ms.expulsion}`, "  }");
  const ex = m.exit;
  o.push("", "  exit {", `    approval: ${ex.approval}`, `    notice: ${ex.notice[0]}`, `    penalty: ${ex.penalty}`, `    retains: ${ex.retains.join(", ")}`, `    amendable: ${ex.amendable}`, "  }");
  for (const b of m.bodies) {
    if (b.members.all) {
      o.push("", `  body ${b.name} { members: ${m.kind === "federation" ? "1 seat per member" : "all members"} }`);
      continue;
    }
    o.push("", `  body ${b.name} {`, `    members: ${b.members.seats} seats`);
    const s = b.selection;
    o.push(`    selection: ${s.kind === "election" ? `election by ${s.by}` : s.kind === "sortition" ? "sortition" : `appointment by ${s.by}`}`);
    o.push(`    term: ${b.term[0]}`, `    recall: by ${b.recall}`, "  }");
  }
  for (const d of m.decisions) {
    o.push("", `  decision ${d.name} {`, `    by: ${d.by}`);
    if (d.quorum !== null) o.push(`    quorum: ${pct(d.quorum)}`);
    o.push(`    threshold: ${d.threshold.text}`);
    if (d.notice) o.push(`    notice: ${d.notice[0]}`);
    if (d.appeal) o.push(`    appeal: to ${d.appeal}`);
    o.push("  }");
  }
  o.push("", "  amendments {", `    by: ${m.amendments.by}`, `    delay: ${m.amendments.delay[0]}`, "  }");
  o.push("", "  rights {");
  for (const [k, v] of m.rights) o.push(`    ${k}: ${q(v)}`);
  o.push("  }", "", `  disputes { by: ${q(m.disputes)} }`, "", "  dissolution {", `    by: ${m.dissolution.by}`, `    assets: ${m.dissolution.assets}`, "  }");
  for (const t of m.ties) o.push("", `  member of ${t.alias} {`, `    delegates: ${t.delegates.join(", ")}`, `    withdrawal: unilateral, notice ${t.notice}`, "  }");
  o.push("}", "");
  return o.join("\n");
}

const dur = ([text, days]) => ({ text, days });
const ref = (name) => ({ ref: name });

/**
 * The model as a JSON document of the same shape a canonical JSON export
 * takes: typed values, references by name, defaults written out.
 */
export function charterJson(m) {
  return {
    kind: m.kind,
    name: m.name,
    imports: m.imports.map(([path, alias]) => ({ path, alias })),
    version: m.version,
    jurisdiction: { kind: "personal" },
    preamble: m.preamble,
    ...(m.federation ? { powers: m.federation.powers, requires: m.federation.requires } : {}),
    clauses: [
      { id: "membership", kind: "membership", eligibility: m.membership.eligibility, admission: { kind: "open" }, consent: m.membership.consent, concurrent: m.membership.concurrent, expulsion: { kind: "by", decision: ref(m.membership.expulsion) } },
      { id: "exit", kind: "exit", approval: { kind: "none" }, notice: dur(m.exit.notice), penalty: { kind: "none" }, retains: m.exit.retains, obligations: dur(["0 days", 0]), amendable: { kind: "never" } },
      ...m.bodies.map((b) =>
        b.members.all
          ? { id: `body ${b.name}`, kind: "body", name: b.name, members: { kind: "all" } }
          : {
              id: `body ${b.name}`,
              kind: "body",
              name: b.name,
              members: { kind: "seats", seats: b.members.seats },
              selection: b.selection.kind === "sortition" ? { kind: "sortition" } : { kind: b.selection.kind, ...(b.selection.kind === "election" ? { decision: ref(b.selection.by) } : { body: ref(b.selection.by) }) },
              term: dur(b.term),
              recall: { kind: "by", decision: ref(b.recall) },
            },
      ),
      ...m.decisions.map((d) => ({
        id: `decision ${d.name}`,
        kind: "decision",
        name: d.name,
        by: ref(d.by),
        quorum: d.quorum,
        threshold: d.threshold.json,
        notice: d.notice ? dur(d.notice) : null,
        appeal: d.appeal ? { kind: "body", body: ref(d.appeal) } : null,
      })),
      { id: "amendments", kind: "amendments", by: ref(m.amendments.by), delay: dur(m.amendments.delay) },
      { id: "rights", kind: "rights", rights: Object.fromEntries(m.rights) },
      { id: "disputes", kind: "disputes", by: { kind: "text", text: m.disputes } },
      { id: "dissolution", kind: "dissolution", by: ref(m.dissolution.by), assets: { kind: "to-members" } },
      ...m.ties.map((t) => ({ id: `member of ${t.alias}`, kind: "member of", federation: t.alias, delegates: t.delegates, withdrawal: { kind: "unilateral", notice: dur([t.notice, 90]) } })),
    ],
  };
}

/** A workspace of `n` independent charters of `clauses` clauses each. */
export function workspace(seed, n, clauses = 20) {
  const files = [];
  for (let i = 0; i < n; i++) files.push({ file: `charters/c${i}.charter`, model: charterModel(seed * 7919 + i, clauses, { name: `Commons ${i}` }) });
  return files;
}

/** A federation and `n` member charters, each with a `member of` tie to it. */
export function federation(seed, n, clauses = 20) {
  const fed = charterModel(seed, 30, { kind: "federation", name: `Federation ${seed}`, federation: { powers: ["defense", "disputes"], requires: ["exit-guaranteed", "dispute-resolution"] } });
  const files = [{ file: "charters/federation.charter", model: fed }];
  for (let i = 0; i < n; i++) {
    files.push({
      file: `charters/m${i}.charter`,
      model: charterModel(seed * 104729 + i, clauses, {
        name: `Member ${i}`,
        imports: [["./federation.charter", "fed"]],
        ties: [{ alias: "fed", delegates: ["defense", "disputes"], notice: "90 days" }],
      }),
    });
  }
  return files;
}

/**
 * Corrupt `rate` of the whitespace-separated tokens of a text: each chosen
 * token is deleted, duplicated, or replaced by a stray word or punctuation.
 */
export function corrupt(text, seed, rate = 0.01) {
  const r = rng(seed);
  const parts = text.split(/(\s+)/);
  const junk = ["{", "}", ":", ",", '"', "%", "frobnicate", "by", "of", "///", "- ["];
  for (let i = 0; i < parts.length; i += 2) {
    if (parts[i] === "" || r() >= rate) continue;
    const k = r();
    parts[i] = k < 0.34 ? "" : k < 0.67 ? `${parts[i]} ${parts[i]}` : pick(r, junk);
  }
  return parts.join("");
}
