// The resolved charter as canonical JSON: defaults applied, references
// resolved to names, the coalition analysis and property verdicts included.
// Keys are written in a fixed order and nothing depends on time or
// environment, so the same charter always gives the same bytes. The shape is
// published as JSON Schema (draft 2020-12) in schemas/charter.schema.json.
import { analyzeCharter, costToJson } from "../analysis/index.js";
import { PROPERTY_IDS } from "../language/properties.js";
import type { PropertyResult } from "../rules/api.js";
import type { Amendable, Appeal, Body, Charter, Decision, Duration, NoneOrBy, Threshold, Tie } from "../semantics/model.js";

export const CHARTER_SCHEMA_ID = "https://charterc.dev/schemas/charter/v1.json";

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const duration = (d: Duration | null): Json => (d ? { days: d.days, text: d.text } : null);

const amendable = (a: Amendable | null): Json => (a ? (a.kind === "never" ? { kind: "never" } : { kind: "by", decision: a.decision.name }) : null);

const noneOrBy = (v: NoneOrBy | null): Json => (v ? (v.kind === "none" ? { kind: "none" } : { kind: "by", decision: v.decision.name }) : null);

const appeal = (a: Appeal | null): Json =>
  !a ? null : a.kind === "none" ? { kind: "none" } : a.kind === "body" ? { kind: "body", body: a.body.name } : { kind: "text", text: a.text };

function threshold(t: Threshold | null): Json {
  if (!t) return null;
  if (t.kind === "share") return { kind: "share", value: t.value, strict: t.strict, base: t.base, text: t.text };
  return { kind: t.kind, text: t.text };
}

function body(b: Body): Json {
  const m = b.members;
  const sel = b.selection;
  return {
    id: b.id,
    name: b.name,
    members: !m ? null : m.kind === "seats" ? { kind: "seats", seats: m.seats } : { kind: m.kind },
    selection: !sel ? null : sel.kind === "sortition" ? { kind: "sortition" } : sel.kind === "election" ? { kind: "election", decision: sel.by.name } : { kind: "appointment", body: sel.by.name },
    term: duration(b.term),
    recall: noneOrBy(b.recall),
    amendable: amendable(b.amendable),
  };
}

function decision(d: Decision): Json {
  return {
    id: d.id,
    name: d.name,
    by: d.by ? d.by.name : null,
    quorum: d.quorum ? { percent: d.quorum.percent, value: d.quorum.value } : null,
    threshold: threshold(d.threshold),
    notice: duration(d.notice),
    appeal: appeal(d.appeal),
    amendable: amendable(d.amendable),
  };
}

function tie(t: Tie): Json {
  const w = t.withdrawal;
  return {
    id: t.id,
    alias: t.alias.name,
    federation: t.federationFile,
    delegates: t.delegates.map((x) => x.name),
    withdrawal: !w ? null : w.kind === "unilateral" ? { kind: "unilateral", notice: duration(w.notice) } : { kind: "by", decision: w.decision.name, notice: duration(w.notice) },
    amendable: amendable(t.amendable),
  };
}

function property(p: PropertyResult): Json {
  const out: { [k: string]: Json } = { holds: p.holds };
  if (p.cost !== undefined) out.cost = p.cost;
  if (p.witness !== undefined) out.witness = [...p.witness];
  if (p.reasons !== undefined) out.reasons = [...p.reasons];
  return out;
}

/** The canonical JSON value of a resolved charter and its property verdicts. */
export function toCanonicalJson(charter: Charter, properties: Readonly<Record<string, PropertyResult>> | null): CanonicalCharter {
  const a = analyzeCharter(charter);
  const m = charter.membership;
  const e = charter.exit;
  const props: { [k: string]: Json } = {};
  if (properties) {
    for (const id of PROPERTY_IDS) if (properties[id]) props[id] = property(properties[id]);
    for (const id of Object.keys(properties).sort()) if (!(id in props)) props[id] = property(properties[id]!);
  }
  const out: Record<string, unknown> = {
    $schema: CHARTER_SCHEMA_ID,
    file: charter.file,
    kind: charter.kind,
    name: charter.name,
    version: charter.version?.text ?? null,
    jurisdiction: !charter.jurisdiction ? null : charter.jurisdiction.kind === "personal" ? { kind: "personal" } : { kind: "territorial", territory: charter.jurisdiction.territory },
    preamble: charter.preamble?.text ?? null,
    powers: charter.powers.map((p) => p.name),
    requires: charter.requires.map((p) => p.name),
    imports: charter.imports.map((i) => ({ path: i.path, alias: i.alias, file: i.file, kind: i.targetKind })),
    membership: m
      ? {
          eligibility: m.eligibility?.text ?? null,
          admission: !m.admission ? null : m.admission.kind === "open" ? { kind: "open" } : { kind: "by", decision: m.admission.decision.name },
          consent: m.consent.value,
          concurrent: m.concurrent.value,
          expulsion: noneOrBy(m.expulsion),
          amendable: amendable(m.amendable),
        }
      : null,
    exit: e
      ? {
          approval: noneOrBy(e.approval),
          notice: duration(e.notice),
          penalty: e.penalty.kind === "none" ? { kind: "none" } : { kind: "some", text: e.penalty.text },
          retains: [...e.retains.items],
          obligations: duration(e.obligations),
          amendable: amendable(e.amendable),
        }
      : null,
    secession: charter.secession
      ? { unit: charter.secession.unit?.text ?? null, by: noneOrBy(charter.secession.by), amendable: amendable(charter.secession.amendable) }
      : null,
    bodies: [...charter.bodies.values()].map(body),
    decisions: [...charter.decisions.values()].map(decision),
    amendments: charter.amendments
      ? { by: charter.amendments.by?.name ?? null, delay: duration(charter.amendments.delay), amendable: amendable(charter.amendments.amendable) }
      : null,
    rights: charter.rights
      ? { rights: charter.rights.rights.map((r) => ({ name: r.name, text: r.text })), amendable: amendable(charter.rights.amendable) }
      : null,
    disputes: charter.disputes
      ? {
          by: !charter.disputes.by ? null : charter.disputes.by.kind === "body" ? { kind: "body", body: charter.disputes.by.body.name } : { kind: "text", text: charter.disputes.by.text },
          appeal: appeal(charter.disputes.appeal),
          amendable: amendable(charter.disputes.amendable),
        }
      : null,
    dissolution: charter.dissolution
      ? {
          by: charter.dissolution.by?.name ?? null,
          assets: charter.dissolution.assets?.text ?? null,
          assetsToMembers: charter.dissolution.assetsToMembers,
          amendable: amendable(charter.dissolution.amendable),
        }
      : null,
    ties: charter.ties.map(tie),
    analysis: {
      unit: a.unit,
      coalitions: [...a.coalitions.values()].map((c) => ({ decision: c.decision, cost: costToJson(c.cost), explanation: c.explanation, amends: a.amendingProcedures.has(c.decision) })),
      clauses: charter.clauses.map((c) => {
        const cc = a.clauses.get(c.id);
        const p = cc?.protection;
        return {
          id: c.id,
          kind: c.kind,
          protection: !p ? null : p.kind === "own" || p.kind === "default" ? { kind: p.kind, decision: p.decision } : { kind: p.kind },
          cost: cc ? costToJson(cc.cost) : null,
          // The path is stored once, as links: follow `next` to read a witness.
          next: cc?.next ? { id: cc.next.id, edge: cc.next.edge } : null,
          steps: cc ? cc.length : 0,
        };
      }),
    },
    properties: props,
  };
  return out as CanonicalCharter;
}

/** The canonical form (schemas/charter.schema.json describes every field). */
export type CanonicalCharter = { readonly [key: string]: Json };

/** Canonical JSON text: two-space indentation and a final newline. */
export function stringifyCanonical(value: unknown): string {
  return JSON.stringify(value, null, 2) + "\n";
}

export type { Json };
