import type { Config } from "@nineproxy/api-types";
import { summarize } from "@nineproxy/usage";
import { describe, expect, it } from "vitest";
import { apiErrorText } from "../src/render/api-error.js";
import { listMessage } from "../src/render/list.js";
import { parseErrorMessage } from "../src/render/parse-error.js";
import { usageMessage } from "../src/render/usage.js";

const config = (c: Partial<Config>): Config => ({ server_id: 1, session_time: "0", ...c });

describe("usageMessage", () => {
  it("says exactly which inconsistent configs add ports: overlapping ones count in full", () => {
    const summary = summarize([
      config({ start_port: 10000, end_port: 10009 }),
      config({ start_port: 10005, end_port: 10014 }),
      config({ start_port: 10030, end_port: 10020 }),
      config({ end_port: 10040 }),
    ]);
    // the shared code sums both overlapping ranges (20 ports), and nothing for the other two
    expect(summary.allocatedPorts).toBe(20);
    const message = usageMessage(summary);
    const json = JSON.stringify(message);
    expect(json).not.toContain("their ports are not counted");
    expect(json).toContain(
      "⚠ Inconsistent configs: 1 with end before start and 1 with missing ports add no ports; " +
        "2 overlapping are counted in full, so ports they share count more than once.",
    );
  });

  it("writes one config as singular", () => {
    const json = JSON.stringify(usageMessage(summarize([config({ start_port: 1, end_port: 1 })])));
    expect(json).toContain("1 port in 1 config");
    expect(json).toContain("1 port (1 config)");
    expect(json).not.toMatch(/\b1 (ports|configs)\b/);
  });
});

describe("listMessage", () => {
  it("says a page past the end in singular when there is one page", () => {
    const page = { items: [], total_items: 3, total_pages: 1 };
    const message = listMessage({ name: "list", page: 2, country: "US" }, page, "/proxy");
    expect(message.text).toBe("Page 2 is past the end: there is 1 page in US.");
  });
});

describe("apiErrorText", () => {
  it("ends what 9Proxy said with a full stop before the advice", () => {
    const error = Object.assign(new Error("x"), {
      name: "VendorError",
      vendorMessage: "Request failed",
      errors: ["injected fault"],
    });
    expect(apiErrorText(error)).toBe(
      "9Proxy refused the request. 9Proxy said: Request failed; injected fault. " +
        "Check the values and try again.",
    );
  });
});

describe("parseErrorMessage", () => {
  it("escapes the user's text in the fallback too, so it cannot form a link or a mention", () => {
    const message = parseErrorMessage({
      message: "Unknown command `<!channel>`.",
      token: "<!channel>",
      usage: "/proxy help",
    });
    expect(message.text).not.toContain("<");
    expect(message.text).toContain("&lt;!channel&gt;");
  });
});
