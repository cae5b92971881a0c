// The installed package's custom-elements.json against the
// custom-elements-manifest JSON schema (draft-07), with Ajv.
import { readFileSync } from "node:fs";
import Ajv from "ajv";

const read = (path) => JSON.parse(readFileSync(new URL(path, import.meta.url), "utf8"));
const schema = read("./node_modules/custom-elements-manifest/schema.json");
const manifest = read("./node_modules/role-compare/custom-elements.json");
const ajv = new Ajv({ allErrors: true, strict: false });
if (!ajv.validate(schema, manifest)) {
  console.error("custom-elements.json does not match the schema:", JSON.stringify(ajv.errors, null, 2));
  process.exit(1);
}
console.log(`ok: custom-elements.json is valid (schema ${manifest.schemaVersion})`);
