import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import openapiTS, { astToString } from "openapi-typescript";
import { parse } from "yaml";

/** Path of the one OpenAPI document the types are generated from. */
export const SPEC_PATH = fileURLToPath(new URL("../../../openapi/openapi.yaml", import.meta.url));

/** Committed generated modules, by file name, under `src/generated/`. */
export const GENERATED_DIR = fileURLToPath(new URL("../src/generated/", import.meta.url));

const header = (what: string) => `/**
 * GENERATED FILE. DO NOT EDIT BY HAND.
 * ${what} from openapi/openapi.yaml.
 * Regenerate with \`pnpm --filter @nineproxy/api-types generate\`.
 */

`;

/** Renders every generated module from the spec on disk, exactly as `generate` writes them. */
export async function renderAll(): Promise<Record<string, string>> {
  const spec = parse(await readFile(SPEC_PATH, "utf8"));
  const ast = await openapiTS(spec, { alphabetize: false });
  return {
    "openapi.ts": header("Types rendered by openapi-typescript") + astToString(ast),
    "spec.ts": `${header("The document as a value, for schema checks at run time")}export const spec = ${JSON.stringify(spec, null, 2)} as const;\n`,
  };
}
