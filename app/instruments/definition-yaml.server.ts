// The definition as an object and back (issue 14, the editor): the editor reads a draft's YAML
// into the same object the definition schema accepts, changes it, and writes it out again as the
// YAML the surveys/ folder uses. Comments in a file are not kept (they carry no meaning the
// codebook reads); everything the schema can express is (round-trip test over every file).
import { parseDocument, stringify } from "yaml";
import { instrumentDefinitionSchema, type InstrumentDefinition } from "../../surveys/definition-schema";

/** The definition in a YAML text, or null when the text is not a valid definition. */
export function parseDefinitionText(text: string): InstrumentDefinition | null {
  const doc = parseDocument(text, { uniqueKeys: true });
  if (doc.errors.length) return null;
  const parsed = instrumentDefinitionSchema.safeParse(doc.toJS({ maxAliasCount: 100 }));
  return parsed.success ? parsed.data : null;
}

/**
 * YAML for a definition. Written for YAML 1.1 readers too, so «Yes», «No», «On» and the like are
 * quoted and stay text in every tool that opens the file.
 */
export function definitionText(def: InstrumentDefinition): string {
  return `# ${def.id}, version ${def.version}: written by Medforsker's instrument editor.\n` + stringify(def, { version: "1.1", lineWidth: 0 });
}
