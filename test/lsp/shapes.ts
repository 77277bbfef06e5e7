// Workspaces for the language-server tests: a federation with n members
// (each member an 18-line charter that imports it), small enough to build in
// memory. The generator is the bench's (bench/shapes.mjs `lspFederation`).
import { lspFederation } from "../../bench/shapes.mjs";

export function federationWorkspace(n: number): Record<string, string> {
  return lspFederation(n).files;
}

/** An 18-line member charter; `quorum` varies the text of an edit. */
export function memberText(i: number, quorum: number): string {
  return lspFederation(0).member(i, quorum);
}
