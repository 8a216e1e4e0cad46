import { PATHS } from "@nineproxy/api-types";
import { createClient } from "../src/index.js";

/** Per-call time of the client's `list()` against plain `fetch` of the same page. */
export interface OverheadResult {
  plainUs: number;
  clientUs: number;
  ratio: number;
  rounds: number;
  callsPerRound: number;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
};

/**
 * Sequential calls after a warm-up. Each round times `callsPerRound` pairs, one plain call and one
 * client call, the first of the pair alternating; a round's figure is the median of its calls, the
 * ratio is the median over rounds of (client median / plain median). Pairing the calls keeps a
 * noisy neighbour from landing on one side only.
 */
export async function measureOverhead(
  baseUrl: string,
  apiKey: string,
  { rounds = 30, callsPerRound = 300, warmup = 3_000 } = {},
): Promise<OverheadResult> {
  const client = createClient({ apiKey, baseUrl });
  const url = `${baseUrl}${PATHS.list}?limit=10&api-key=${encodeURIComponent(apiKey)}`;
  const plain = async () => {
    const response = await fetch(url);
    const body = (await response.json()) as { success?: boolean };
    if (!response.ok || body.success !== true) throw new Error("plain fetch failed");
  };
  const viaClient = async () => {
    await client.configs.list({ limit: 10 });
  };
  const time = async (fn: () => Promise<void>) => {
    const started = performance.now();
    await fn();
    return (performance.now() - started) * 1000;
  };

  for (let i = 0; i < warmup; i++) {
    await plain();
    await viaClient();
  }
  const plainUs: number[] = [];
  const clientUs: number[] = [];
  const ratios: number[] = [];
  for (let round = 0; round < rounds; round++) {
    const p: number[] = [];
    const c: number[] = [];
    for (let i = 0; i < callsPerRound; i++) {
      if (i % 2 === 0) {
        p.push(await time(plain));
        c.push(await time(viaClient));
      } else {
        c.push(await time(viaClient));
        p.push(await time(plain));
      }
    }
    plainUs.push(median(p));
    clientUs.push(median(c));
    ratios.push(median(c) / median(p));
  }
  return {
    plainUs: median(plainUs),
    clientUs: median(clientUs),
    ratio: median(ratios),
    rounds,
    callsPerRound,
  };
}
