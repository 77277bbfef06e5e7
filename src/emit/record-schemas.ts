// JSON Schemas (draft 2020-12) for the records a community keeps under its
// charter: member entries, decision records and exit notices. One schema
// per charter: the decision's `procedure` is restricted to the charter's own
// decisions and `amends` to its clause ids. docs/records.md describes the
// format; `charterc validate` checks records structurally with this schema
// and then against the charter's semantics (src/validate).
import type { Charter } from "../semantics/model.js";
import { slug } from "./escape.js";

export const RECORDS_SCHEMA_BASE = "https://charterc.dev/schemas/records/v1/";
const DATE_PATTERN = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$";

type Schema = { [key: string]: unknown };

const date = (description: string): Schema => ({ type: "string", pattern: DATE_PATTERN, description });
const count = (description: string): Schema => ({ type: "integer", minimum: 0, description });

/** The `$id` of a charter's records schema: from its file path, so two charters never share one. */
export function recordsSchemaId(charter: Charter): string {
  const base = charter.file.replace(/\.charter$/, "").split("/").map(slug).filter(Boolean).join("/");
  return `${RECORDS_SCHEMA_BASE}${base || "charter"}.json`;
}

export function recordSchemas(charter: Charter): Schema {
  const procedures = [...charter.decisions.keys()];
  const clauses = charter.clauses.map((c) => c.id);
  const unit = charter.kind === "federation" ? "member community" : "member";
  const member: Schema = {
    type: "object",
    description: `A ${unit} of ${charter.name}.`,
    properties: {
      id: { type: "string", minLength: 1, description: "A stable identifier, unique in the log." },
      name: { type: "string" },
      joined: date("When membership began (YYYY-MM-DD)."),
      consent: { enum: ["explicit", "by residence", "by birth"], description: "How this member came to be a member." },
      left: date("When membership ended, if it has."),
    },
    required: ["id", "joined"],
    additionalProperties: false,
  };
  const decision: Schema = {
    type: "object",
    description: "One decision taken under one of the charter's procedures, with the counts of the vote.",
    properties: {
      id: { type: "string", minLength: 1, description: "A stable identifier, unique in the log." },
      procedure: procedures.length > 0 ? { enum: procedures, description: "The charter's decision procedure used." } : { type: "string", description: "The charter defines no procedures." },
      date: date("When the decision was taken."),
      announced: date("When notice of the vote was given."),
      members: { type: "integer", minimum: 1, description: "How many sat in the deciding body at the time (all members, or the seats of a seated body)." },
      present: count("How many took part."),
      for: count("Votes for."),
      against: count("Votes against."),
      abstain: count("Abstentions (present, not voting)."),
      objections: count("Objections raised (consensus procedures)."),
      outcome: { enum: ["adopted", "rejected"] },
      amends: clauses.length > 0 ? { enum: clauses, description: "The clause this decision amends, if it is an amendment." } : { type: "string" },
      effective: date("When the decision (an amendment) takes effect."),
      subject: { type: "string", description: "The member a decision concerns (admission, expulsion)." },
      text: { type: "string", description: "The motion, in words." },
    },
    required: ["id", "procedure", "date", "members", "present", "for", "against", "outcome"],
    dependentRequired: { amends: ["effective"] },
    additionalProperties: false,
  };
  const exitNotice: Schema = {
    type: "object",
    description: `A ${unit}'s notice of leaving.`,
    properties: {
      member: { type: "string", minLength: 1, description: "The id of the member leaving." },
      notified: date("When notice was given."),
      effective: date("When membership ended (absent while pending)."),
      status: { enum: ["pending", "completed", "refused"] },
      decision: { type: "string", description: "The id of the decision record that approved or refused the exit." },
      penalty: { type: "string", description: "Any penalty imposed on leaving." },
    },
    required: ["member", "notified", "status"],
    additionalProperties: false,
  };
  return {
    $schema: "https://json-schema.org/draft/2020-12/schema",
    $id: recordsSchemaId(charter),
    title: `Records of ${charter.name}`,
    description: `Member entries, decision records and exit notices kept under ${charter.file}${charter.version ? ` (version ${charter.version.text})` : ""}.`,
    type: "object",
    properties: {
      charter: { type: "string", description: "The charter's name, as a check that records and charter belong together." },
      members: { type: "array", items: { $ref: "#/$defs/member" } },
      decisions: procedures.length > 0 ? { type: "array", items: { $ref: "#/$defs/decision" } } : { type: "array", items: { $ref: "#/$defs/decision" }, maxItems: 0 },
      exits: { type: "array", items: { $ref: "#/$defs/exitNotice" } },
    },
    additionalProperties: false,
    $defs: { member, decision, exitNotice },
  };
}
