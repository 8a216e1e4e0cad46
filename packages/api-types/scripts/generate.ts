import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { GENERATED_DIR, renderAll } from "./render.js";

// `--check` fails on stale files instead of rewriting them, so a spec edit that was never
// regenerated and committed cannot pass by being regenerated on the way. `pnpm test:all` (so
// `npm test` and CI) sets NINEPROXY_CHECK_GENERATED=1 for turbo's generate → build chain.
const check = process.argv.includes("--check") || process.env.NINEPROXY_CHECK_GENERATED === "1";
const stale: string[] = [];

await mkdir(GENERATED_DIR, { recursive: true });
for (const [name, text] of Object.entries(await renderAll())) {
  const path = join(GENERATED_DIR, name);
  const current = await readFile(path, "utf8").catch(() => undefined);
  if (current === text) {
    console.log(`src/generated/${name} is up to date`);
  } else if (check) {
    stale.push(name);
  } else {
    await writeFile(path, text);
    console.log(`wrote src/generated/${name}`);
  }
}
if (stale.length > 0) {
  console.error(
    `generated types are stale (${stale.join(", ")}): run \`pnpm generate\` and commit the result`,
  );
  process.exit(1);
}
