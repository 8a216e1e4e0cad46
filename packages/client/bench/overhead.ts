import { PATHS } from "@nineproxy/api-types";
import { Agent, request } from "undici";
import { createClient } from "../src/index.js";

/** Per-call time of the client's `list()` against hand-written calls for the same page. */
export interface OverheadResult {
  /** `fetch` + `response.json()`: the baseline of the goal. */
  plainUs: number;
  /** undici's `request` + `JSON.parse`: the transport the client sends its own calls with. */
  transportUs: number;
  clientUs: number;
  /** client / plain fetch (median of per-round ratios). */
  ratio: number;
  /** client / its transport by hand: what the client's own work costs. */
  transportRatio: number;
  rounds: number;
  callsPerRound: number;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
};

/**
 * Sequential calls after a warm-up. Each round makes `callsPerRound` triples (plain fetch, undici
 * by hand, the client), the order rotating; a round's figure per contender is the median of its
 * calls, and each ratio is the median over rounds of the per-round ratio. Interleaving the calls
 * keeps a noisy neighbour from landing on one contender only.
 */
export async function measureOverhead(
  baseUrl: string,
  apiKey: string,
  { rounds = 30, callsPerRound = 300, warmup = 3_000 } = {},
): Promise<OverheadResult> {
  const client = createClient({ apiKey, baseUrl });
  const url = `${baseUrl}${PATHS.list}?limit=10&api-key=${encodeURIComponent(apiKey)}`;
  const pool = new Agent();
  const check = (ok: boolean, body: { success?: boolean }, who: string) => {
    if (!ok || body.success !== true) throw new Error(`${who} failed`);
  };
  const contenders: (() => Promise<void>)[] = [
    async () => {
      const response = await fetch(url);
      check(response.ok, (await response.json()) as { success?: boolean }, "plain fetch");
    },
    async () => {
      const response = await request(url, { dispatcher: pool });
      const body = JSON.parse(await response.body.text()) as { success?: boolean };
      check(response.statusCode === 200, body, "undici request");
    },
    async () => {
      await client.configs.list({ limit: 10 });
    },
  ];
  const time = async (fn: () => Promise<void>) => {
    const started = performance.now();
    await fn();
    return (performance.now() - started) * 1000;
  };

  try {
    for (let i = 0; i < warmup; i++) for (const fn of contenders) await fn();
    const perRound: number[][] = [[], [], []];
    const ratios: number[] = [];
    const transportRatios: number[] = [];
    for (let round = 0; round < rounds; round++) {
      const samples: number[][] = [[], [], []];
      for (let i = 0; i < callsPerRound; i++) {
        for (let k = 0; k < 3; k++) {
          const which = (i + k) % 3;
          samples[which]?.push(await time(contenders[which] as () => Promise<void>));
        }
      }
      const [p, t, c] = samples.map(median) as [number, number, number];
      perRound[0]?.push(p);
      perRound[1]?.push(t);
      perRound[2]?.push(c);
      ratios.push(c / p);
      transportRatios.push(c / t);
    }
    const [plainUs, transportUs, clientUs] = perRound.map(median) as [number, number, number];
    return {
      plainUs,
      transportUs,
      clientUs,
      ratio: median(ratios),
      transportRatio: median(transportRatios),
      rounds,
      callsPerRound,
    };
  } finally {
    await pool.close();
  }
}
