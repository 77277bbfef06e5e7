// JSON Schema (draft 2020-12) of charterc.yaml (§8).
import { PROPERTY_IDS } from "../language/properties.js";

const level = { enum: ["off", "info", "warning", "error"] };
const duration = { type: "string", pattern: "^(immediately|\\d+(\\.\\d+)?[ \\t]+(day|week|month|year)s?)$" };

export const CONFIG_SCHEMA = {
  $schema: "https://json-schema.org/draft/2020-12/schema",
  $id: "https://charterc.dev/schemas/charterc-config.schema.json",
  title: "charterc.yaml",
  type: "object",
  additionalProperties: false,
  properties: {
    include: { anyOf: [{ type: "string" }, { type: "array", items: { type: "string" } }] },
    profile: { enum: ["recommended", "panarchy", "strict"] },
    maxNotice: {
      type: "object",
      additionalProperties: false,
      properties: { charter: duration, federation: duration },
    },
    rules: {
      type: "object",
      additionalProperties: false,
      properties: Object.fromEntries(PROPERTY_IDS.map((id) => [id, level])),
    },
  },
} as const;
