import { describe, expect, expectTypeOf, it } from "vitest";
import {
  type Config,
  type CreateConfigRequest,
  ORDER_DIRECTIONS,
  type OrderBy,
  PATHS,
  SESSION_TYPE,
  SORT_FIELDS,
  type SortBy,
  spec,
} from "../src/index.js";

describe("api-types aliases", () => {
  it("keep the closed sets in step with the spec", () => {
    const params = spec.components.parameters;
    expect([...SORT_FIELDS]).toEqual(params.SortBy.schema.enum);
    expect([...ORDER_DIRECTIONS]).toEqual(params.OrderBy.schema.enum);
    expect(Object.values(SESSION_TYPE)).toEqual(spec.components.schemas.SessionType.enum);
    expect(Object.values(PATHS).sort()).toEqual(Object.keys(spec.paths).sort());
    expectTypeOf<SortBy>().toEqualTypeOf<(typeof SORT_FIELDS)[number]>();
    expectTypeOf<OrderBy>().toEqualTypeOf<(typeof ORDER_DIRECTIONS)[number]>();
  });

  it("use the vendor's wire names", () => {
    expectTypeOf<Config["session_time"]>().toEqualTypeOf<string | undefined>();
    expectTypeOf<CreateConfigRequest["quantity"]>().toEqualTypeOf<number>();
    expectTypeOf<CreateConfigRequest["session_type"]>().toEqualTypeOf<1 | 2>();
  });
});
