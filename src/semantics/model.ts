// The resolved model of one charter: typed clauses with defaults applied
// (§4) and references checked. Produced by `resolve()` in this folder from
// the AST; consumed by analyses, rules, emitters, the diff and the LSP.
//
// References are kept by name plus span: `model.bodies.get(ref.name)` finds
// the target. A reference that did not resolve has been reported already
// (CH0110) and has `resolved: false`; analyses treat it as absent.
import type { Span } from "../ast/ast.js";

export interface Ref {
  readonly name: string;
  readonly span: Span;
  readonly resolved: boolean;
}

export interface Text {
  readonly text: string;
  readonly span: Span;
}

export interface Duration {
  readonly days: number;
  /** As written (`2 weeks`, `immediately`), or the default's text (`0 days`). */
  readonly text: string;
  /** Null when the value comes from a default. */
  readonly span: Span | null;
}

/** `never` or `by DECISION`. */
export type Amendable =
  | { readonly kind: "never"; readonly span: Span }
  | { readonly kind: "by"; readonly decision: Ref; readonly span: Span };

/** `none` or `by DECISION` (exit approval, expulsion, recall, secession.by). */
export type NoneOrBy =
  | { readonly kind: "none"; readonly span: Span | null }
  | { readonly kind: "by"; readonly decision: Ref; readonly span: Span };

export type ClauseKind =
  | "membership"
  | "exit"
  | "secession"
  | "body"
  | "decision"
  | "amendments"
  | "rights"
  | "disputes"
  | "dissolution"
  | "member of";

interface ClauseBase {
  /** Stable id within the charter: `exit`, `body assembly`, `decision ordinary`, `member of cascadia`. */
  readonly id: string;
  readonly kind: ClauseKind;
  /** The whole section. */
  readonly span: Span;
  /** The keyword (and name) — where diagnostics about the clause point. */
  readonly headSpan: Span;
  /** The clause's own `amendable` field, if any. */
  readonly amendable: Amendable | null;
}

export interface Membership extends ClauseBase {
  readonly kind: "membership";
  readonly eligibility: Text | null;
  readonly admission: { readonly kind: "open"; readonly span: Span } | { readonly kind: "by"; readonly decision: Ref; readonly span: Span } | null;
  readonly consent: { readonly value: "explicit" | "by residence" | "by birth"; readonly span: Span | null };
  readonly concurrent: { readonly value: "allowed" | "forbidden"; readonly span: Span | null };
  readonly expulsion: NoneOrBy;
}

export type Retained = "property" | "data" | "share" | "standing";

export interface Exit extends ClauseBase {
  readonly kind: "exit";
  /** Null only when the required field is missing (reported). */
  readonly approval: NoneOrBy | null;
  readonly notice: Duration;
  readonly penalty: { readonly kind: "none"; readonly span: Span | null } | { readonly kind: "some"; readonly text: string; readonly span: Span };
  readonly retains: { readonly items: readonly Retained[]; readonly span: Span | null };
  readonly obligations: Duration;
}

export interface Secession extends ClauseBase {
  readonly kind: "secession";
  readonly unit: Text | null;
  readonly by: NoneOrBy | null;
}

export type BodyMembers =
  | { readonly kind: "all"; readonly span: Span }
  | { readonly kind: "seats"; readonly seats: number; readonly span: Span }
  | { readonly kind: "per-member"; readonly span: Span };

export type Selection =
  | { readonly kind: "election"; readonly by: Ref; readonly span: Span }
  | { readonly kind: "sortition"; readonly span: Span }
  | { readonly kind: "appointment"; readonly by: Ref; readonly span: Span };

export interface Body extends ClauseBase {
  readonly kind: "body";
  readonly name: string;
  readonly nameSpan: Span;
  readonly members: BodyMembers | null;
  readonly selection: Selection | null;
  readonly term: Duration | null;
  /** Null when absent (no recall stated); `none` when stated as none. */
  readonly recall: NoneOrBy | null;
}

export type Threshold =
  | {
      readonly kind: "share";
      /** The share as a number in [0, 1]: `majority` → 0.5, `2/3` → 0.666…, `75%` → 0.75. */
      readonly value: number;
      /** True for `majority` (more than half); false for `2/3 of …` (at least). */
      readonly strict: boolean;
      readonly base: "votes cast" | "members";
      readonly text: string;
      readonly span: Span;
    }
  | { readonly kind: "unanimity"; readonly text: string; readonly span: Span }
  | { readonly kind: "consensus"; readonly text: string; readonly span: Span };

export type Appeal =
  | { readonly kind: "none"; readonly span: Span }
  | { readonly kind: "body"; readonly body: Ref; readonly span: Span }
  | { readonly kind: "text"; readonly text: string; readonly span: Span };

export interface Decision extends ClauseBase {
  readonly kind: "decision";
  readonly name: string;
  readonly nameSpan: Span;
  readonly by: Ref | null;
  /** Share (`20%` → 0.2), in [0, 1] unless above 100% (reported as CH0107, and the decision can never be carried); raw percent kept for messages. Null = no quorum. */
  readonly quorum: { readonly value: number; readonly percent: number; readonly span: Span } | null;
  readonly threshold: Threshold | null;
  readonly notice: Duration | null;
  readonly appeal: Appeal | null;
}

export interface Amendments extends ClauseBase {
  readonly kind: "amendments";
  readonly by: Ref | null;
  readonly delay: Duration;
}

export interface Rights extends ClauseBase {
  readonly kind: "rights";
  readonly rights: readonly { readonly name: string; readonly text: string; readonly span: Span; readonly nameSpan: Span }[];
}

export interface Disputes extends ClauseBase {
  readonly kind: "disputes";
  readonly by: { readonly kind: "body"; readonly body: Ref; readonly span: Span } | { readonly kind: "text"; readonly text: string; readonly span: Span } | null;
  readonly appeal: Appeal | null;
}

export interface Dissolution extends ClauseBase {
  readonly kind: "dissolution";
  readonly by: Ref | null;
  readonly assets: Text | null;
  /** `assets: to members` (recognised form). */
  readonly assetsToMembers: boolean;
}

export type Withdrawal =
  | { readonly kind: "unilateral"; readonly notice: Duration | null; readonly span: Span }
  | { readonly kind: "by"; readonly decision: Ref; readonly notice: Duration | null; readonly span: Span };

export interface Tie extends ClauseBase {
  readonly kind: "member of";
  readonly alias: Ref;
  /** Project-relative path of the imported federation, when the import resolved to one. */
  readonly federationFile: string | null;
  readonly delegates: readonly { readonly name: string; readonly span: Span }[];
  readonly withdrawal: Withdrawal | null;
}

export type Clause = Membership | Exit | Secession | Body | Decision | Amendments | Rights | Disputes | Dissolution | Tie;

export interface ResolvedImport {
  readonly path: string;
  readonly pathSpan: Span;
  readonly alias: string | null;
  readonly aliasSpan: Span | null;
  /** Project-relative path of the target, or null when refused/missing. */
  readonly file: string | null;
  /** Kind of the imported document, when it parsed. */
  readonly targetKind: "charter" | "federation" | null;
}

export interface Charter {
  /** Project-relative path, `/`-separated. */
  readonly file: string;
  readonly kind: "charter" | "federation";
  readonly name: string;
  readonly nameSpan: Span;
  readonly headerSpan: Span;
  readonly version: Text | null;
  readonly jurisdiction: { readonly kind: "personal"; readonly span: Span } | { readonly kind: "territorial"; readonly territory: string; readonly span: Span } | null;
  /** Where a `jurisdiction` was written with a value that is neither form (CH0105 reported there); `jurisdiction` is then null. */
  readonly invalidJurisdiction?: Span;
  readonly preamble: Text | null;
  /** Federation only: the matters the federation may decide. */
  readonly powers: readonly { readonly name: string; readonly span: Span }[];
  /** Federation only: property ids every member must satisfy. */
  readonly requires: readonly { readonly name: string; readonly span: Span }[];
  readonly imports: readonly ResolvedImport[];
  readonly membership: Membership | null;
  readonly exit: Exit | null;
  readonly secession: Secession | null;
  readonly bodies: ReadonlyMap<string, Body>;
  readonly decisions: ReadonlyMap<string, Decision>;
  readonly amendments: Amendments | null;
  readonly rights: Rights | null;
  readonly disputes: Disputes | null;
  readonly dissolution: Dissolution | null;
  readonly ties: readonly Tie[];
  /** Every clause in source order. */
  readonly clauses: readonly Clause[];
}
