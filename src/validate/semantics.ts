// The charter's rules applied to records that passed the schema: each
// finding points at the record (or the field) that breaks a rule.
import { analyzeCharter } from "../analysis/index.js";
import type { Span } from "../ast/ast.js";
import { diag, type Code } from "../diagnostics/codes.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { Charter, Decision } from "../semantics/model.js";
import { dayNumber, type Path } from "./locate.js";

export interface RecordEntry {
  readonly index: number;
  /** How messages name it: decision `2024-03-budget`. */
  readonly name: string;
  readonly path: Path;
  readonly value: Record<string, unknown>;
}

export interface RecordLog {
  readonly charterName: string | null;
  readonly members: RecordEntry[];
  readonly decisions: RecordEntry[];
  readonly exits: RecordEntry[];
}

interface DecisionRecord {
  id: string;
  procedure: string;
  date: string;
  announced?: string;
  members: number;
  present: number;
  for: number;
  against: number;
  abstain?: number;
  objections?: number;
  outcome: "adopted" | "rejected";
  amends?: string;
  effective?: string;
}

interface ExitRecord {
  member: string;
  notified: string;
  effective?: string;
  status: "pending" | "completed" | "refused";
  decision?: string;
  penalty?: string;
}

interface MemberRecord {
  id: string;
  joined: string;
  consent?: string;
}

const EPS = 1e-9;

/** `1 day`, `0 days`, `42 days`. */
function days(n: number): string {
  return `${n} ${n === 1 ? "day" : "days"}`;
}

function fmtShare(v: number): string {
  const s = (v * 100).toFixed(2).replace(/\.?0+$/, "");
  return `${s}%`;
}

export function checkSemantics(charter: Charter, log: RecordLog, spanOf: (path: Path) => Span, file: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  const report = (code: Code, entry: RecordEntry, field: string | null, detail: string) =>
    out.push(diag(code, file, spanOf(field ? [...entry.path, field] : entry.path), { detail: `${entry.name}: ${detail}` }));
  const analysis = analyzeCharter(charter);

  if (log.charterName !== null && log.charterName !== charter.name) {
    out.push(diag("CH0417", file, spanOf(["charter"]), { detail: `these records are kept under \`${log.charterName}\`, but the charter given is \`${charter.name}\`` }));
  }

  // Members.
  const memberIds = new Set<string>();
  for (const e of log.members) {
    const m = e.value as unknown as MemberRecord;
    if (memberIds.has(m.id)) report("CH0402", e, "id", `the id \`${m.id}\` is used by another member entry`);
    memberIds.add(m.id);
    if (dayNumber(m.joined) === null) report("CH0402", e, "joined", `\`${m.joined}\` is not a calendar date`);
    const required = charter.membership?.consent.value;
    if (required === "explicit" && m.consent !== undefined && m.consent !== "explicit") {
      report("CH0415", e, "consent", `became a member \`${m.consent}\`, but the charter admits members only by explicit consent`);
    }
  }

  // Decisions.
  const decisionsById = new Map<string, DecisionRecord>();
  for (const e of log.decisions) {
    const r = e.value as unknown as DecisionRecord;
    if (decisionsById.has(r.id)) report("CH0402", e, "id", `the id \`${r.id}\` is used by another decision record`);
    decisionsById.set(r.id, r);
    const d = charter.decisions.get(r.procedure);
    if (!d) continue; // the schema's enum reported it
    checkDecision(charter, d, r, e, report, analysis);
  }

  // Exit notices.
  const exit = charter.exit;
  for (const e of log.exits) {
    const x = e.value as unknown as ExitRecord;
    if (log.members.length > 0 && !memberIds.has(x.member)) report("CH0416", e, "member", `no member entry has the id \`${x.member}\``);
    const notified = dayNumber(x.notified);
    if (notified === null) {
      report("CH0402", e, "notified", `\`${x.notified}\` is not a calendar date`);
      continue;
    }
    const effective = x.effective !== undefined ? dayNumber(x.effective) : null;
    if (x.effective !== undefined && effective === null) {
      report("CH0402", e, "effective", `\`${x.effective}\` is not a calendar date`);
      continue;
    }
    if (!exit) continue; // no exit clause: the charter promises nothing to check against
    const approval = exit.approval;
    const free = approval === null || approval.kind === "none";
    if (x.status === "refused") {
      if (free) {
        report("CH0410", e, "status", "the exit was refused, but the charter lets any member leave without anyone's approval");
      } else if (approval.kind === "by") {
        const by = x.decision !== undefined ? decisionsById.get(x.decision) : undefined;
        if (x.decision === undefined) {
          report("CH0410", e, "status", `the exit was refused without a decision; only the \`${approval.decision.name}\` procedure can refuse it`);
        } else if (!by) {
          report("CH0416", e, "decision", `no decision record has the id \`${x.decision}\``);
        } else if (by.procedure !== approval.decision.name) {
          report("CH0410", e, "decision", `the exit was refused by decision \`${by.id}\` (procedure \`${by.procedure}\`), but only the \`${approval.decision.name}\` procedure decides on exits`);
        }
      }
    }
    if (free && x.status === "completed" && effective !== null && effective - notified > exit.notice.days) {
      report(
        "CH0411",
        e,
        "effective",
        `the exit took effect ${days(effective - notified)} after notice, later than the ${exit.notice.days === 0 ? "immediate exit" : `${exit.notice.text} of notice`} the charter allows`,
      );
    }
    if (x.penalty !== undefined && x.penalty.trim() !== "" && exit.penalty.kind === "none") {
      report("CH0413", e, "penalty", `a penalty was imposed on leaving (\`${x.penalty}\`), but the charter says \`penalty: none\``);
    }
  }
  return out;
}

type Report = (code: Code, entry: RecordEntry, field: string | null, detail: string) => void;

function checkDecision(charter: Charter, d: Decision, r: DecisionRecord, e: RecordEntry, report: Report, analysis: ReturnType<typeof analyzeCharter>): void {
  const date = dayNumber(r.date);
  if (date === null) {
    report("CH0402", e, "date", `\`${r.date}\` is not a calendar date`);
    return;
  }
  const abstain = r.abstain ?? 0;
  const body = d.by ? charter.bodies.get(d.by.name) : undefined;
  const bodyName = body ? `\`${body.name}\`` : "the body";
  if (r.present > r.members) {
    report("CH0412", e, "present", `${r.present} present, but the body had only ${r.members} members`);
    return;
  }
  if (r.for + r.against + abstain > r.present) {
    report("CH0412", e, "for", `${r.for} for, ${r.against} against and ${abstain} abstaining make more than the ${r.present} present`);
    return;
  }
  if (r.announced !== undefined) {
    const announced = dayNumber(r.announced);
    if (announced === null) report("CH0402", e, "announced", `\`${r.announced}\` is not a calendar date`);
    else if (d.notice && date - announced < d.notice.days) {
      report("CH0414", e, "announced", `announced ${days(date - announced)} before the vote, but \`${d.name}\` requires ${d.notice.text} of notice`);
    }
  }
  if (r.outcome !== "adopted") return;

  if (d.quorum) {
    const need = Math.ceil(d.quorum.value * r.members - EPS);
    if (r.present < need) {
      report("CH0403", e, "present", `adopted with ${r.present} of ${r.members} present, below the ${d.quorum.percent}% quorum of ${bodyName} (${need} needed)`);
    }
  }
  const t = d.threshold;
  if (t) {
    switch (t.kind) {
      case "unanimity":
        if (r.for < r.members) report("CH0406", e, "for", `adopted with ${r.for} of ${r.members} in favour, but \`${d.name}\` requires unanimity: every member of ${bodyName}`);
        break;
      case "consensus": {
        const objections = (r.objections ?? 0) + r.against;
        if (objections > 0) report("CH0405", e, r.objections ? "objections" : "against", `adopted over ${objections} objection${objections === 1 ? "" : "s"}, but \`${d.name}\` decides by consensus: no one present may object`);
        break;
      }
      case "share": {
        const base = t.base === "members" ? r.members : r.for + r.against;
        const met = base > 0 && (t.strict ? r.for > t.value * base + EPS : r.for >= t.value * base - EPS);
        if (!met) {
          const baseWords = t.base === "members" ? `of all ${r.members} members of ${bodyName}` : `of the ${base} votes cast (abstentions are not votes cast)`;
          report("CH0404", e, "for", `adopted with ${r.for} in favour, but \`${d.name}\` needs ${t.strict ? "more than" : "at least"} ${fmtShare(t.value)} ${baseWords}`);
        }
        break;
      }
    }
  }

  if (r.amends !== undefined) {
    const cc = analysis.clauses.get(r.amends);
    if (!cc) return;
    const p = cc.protection;
    if (p.kind === "never") {
      report("CH0407", e, "amends", `amends \`${r.amends}\`, which the charter marks \`amendable: never\``);
      return;
    }
    if ((p.kind === "own" || p.kind === "default") && p.decision !== r.procedure) {
      report("CH0409", e, "procedure", `amends \`${r.amends}\` through \`${r.procedure}\`, but only the \`${p.decision}\` procedure amends it`);
    } else if (p.kind === "contract" && !(d.threshold?.kind === "unanimity" && body?.members?.kind !== "seats")) {
      report("CH0409", e, "procedure", `amends \`${r.amends}\` through \`${r.procedure}\`, but with no amendment procedure it changes only by unanimous consent of all members`);
    }
    const delay = charter.amendments?.delay.days ?? 0;
    const effective = r.effective !== undefined ? dayNumber(r.effective) : null;
    if (r.effective !== undefined && effective === null) report("CH0402", e, "effective", `\`${r.effective}\` is not a calendar date`);
    else if (effective !== null && effective - date < delay) {
      report("CH0408", e, "effective", `takes effect ${days(effective - date)} after adoption, before the ${charter.amendments!.delay.text} delay of \`amendments\` has passed`);
    }
  }
}
