import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { GENERATED_DIR, renderAll } from "./render.js";

await mkdir(GENERATED_DIR, { recursive: true });
for (const [name, text] of Object.entries(await renderAll())) {
  await writeFile(join(GENERATED_DIR, name), text);
  console.log(`wrote src/generated/${name}`);
}
