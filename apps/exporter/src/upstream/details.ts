import type { Config } from "@nineproxy/api-types";
import { codeKey, integerKey, sessionMode, type Tally, tallyBy } from "@nineproxy/usage";

/** Labels of one config's info series. */
export interface ConfigInfo {
  server_id: string;
  start_port: string;
  end_port: string;
  country_code: string;
  session_mode: string;
  proxy_type: string;
}

/** High-cardinality views of one account, each cut to the cap, with what the cap dropped. */
export interface Details {
  byCity: Array<[string, Tally]>;
  byState: Array<[string, Tally]>;
  byIsp: Array<[string, Tally]>;
  configs: ConfigInfo[];
  /** Series left out of each view because of the cap. */
  dropped: { city: number; state: number; isp: number; config: number };
}

/** Builds the detail views, keeping the `maxSeries` largest values of each (by ports). */
export function buildDetails(configs: readonly Config[], maxSeries: number): Details {
  const byCity = tallyBy(configs, (c) => codeKey(c.city_code));
  const byState = tallyBy(configs, (c) => codeKey(c.state_code));
  const byIsp = tallyBy(configs, (c) => codeKey(c.isp_code));
  const infos = configs
    .map(
      (c): ConfigInfo => ({
        server_id: integerKey(c.server_id),
        start_port: integerKey(c.start_port),
        end_port: integerKey(c.end_port),
        country_code: codeKey(c.country_code),
        session_mode: sessionMode(c),
        proxy_type: integerKey(c.proxy_type),
      }),
    )
    .sort(
      (a, b) =>
        a.server_id.localeCompare(b.server_id) || Number(a.start_port) - Number(b.start_port),
    );

  return {
    byCity: byCity.slice(0, maxSeries),
    byState: byState.slice(0, maxSeries),
    byIsp: byIsp.slice(0, maxSeries),
    configs: infos.slice(0, maxSeries),
    dropped: {
      city: Math.max(0, byCity.length - maxSeries),
      state: Math.max(0, byState.length - maxSeries),
      isp: Math.max(0, byIsp.length - maxSeries),
      config: Math.max(0, infos.length - maxSeries),
    },
  };
}
