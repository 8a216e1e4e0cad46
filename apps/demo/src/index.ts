/** The README's main job, as a function: a seeded sandbox with the exporter in front of it. */
export { DEMO_API_KEY, type Demo, type DemoOptions, DemoPortError, startDemo } from "./demo.js";
export { demoRequests } from "./seed.js";
