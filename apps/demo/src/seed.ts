import type { CreateConfigRequest } from "@nineproxy/api-types";

/** Targets of the demo account: country, and the state/city/ISP codes a buyer would pick. */
const TARGETS: Array<
  Pick<CreateConfigRequest, "country_code" | "state_code" | "city_code" | "isp_code">
> = [
  { country_code: "US", state_code: "CA", city_code: "LOS_ANGELES" },
  { country_code: "US", state_code: "NY", city_code: "NEW_YORK" },
  { country_code: "US", state_code: "TX" },
  { country_code: "US", isp_code: "COMCAST" },
  { country_code: "US" },
  { country_code: "DE", city_code: "BERLIN" },
  { country_code: "DE" },
  { country_code: "GB", city_code: "LONDON" },
  { country_code: "FR", isp_code: "ORANGE" },
  { country_code: "JP", city_code: "TOKYO" },
  { country_code: "BR", state_code: "SP" },
  { country_code: "IN" },
  { country_code: "CA", state_code: "ON", city_code: "TORONTO" },
  {},
];

const QUANTITIES = [1, 5, 10, 20, 50, 3, 25, 8, 100, 2, 15, 40];
const STICKY_MINUTES = [5, 10, 15, 30, 60, 120];

/**
 * The demo account's create requests: a few dozen configs across several countries, both session
 * types and a spread of sizes. Deterministic, so two runs show the same picture.
 */
export function demoRequests(count = 42): CreateConfigRequest[] {
  const requests: CreateConfigRequest[] = [];
  for (let i = 0; i < count; i++) {
    const target = TARGETS[i % TARGETS.length] ?? {};
    const sticky = i % 3 !== 0;
    requests.push({
      ...target,
      proxy_type: i % 4 === 3 ? 2 : 1,
      quantity: QUANTITIES[i % QUANTITIES.length] ?? 1,
      session_type: sticky ? 2 : 1,
      ...(sticky ? { session_time: STICKY_MINUTES[i % STICKY_MINUTES.length] ?? 30 } : {}),
    });
  }
  return requests;
}
