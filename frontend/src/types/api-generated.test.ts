import { committedApiFiles, generateApiFiles } from '../../scripts/generate-api.mjs';

// The SPA's wire types and validation limits are generated from the API's committed contract (frontend/openapi.json,
// kept equal to the live document by the .NET test the_openapi_contract_is_complete). This regenerates them with
// openapi-typescript exactly as `npm run generate:api` does and fails when a committed file differs, so a changed
// contract cannot ship with stale types or limits.
describe('the files generated from openapi.json', () => {
  it('are up to date (run `npm run generate:api` in frontend/ when this fails)', async () => {
    const [expected, committed] = await Promise.all([generateApiFiles(), committedApiFiles()]);
    expect(committed.types === expected.types, 'src/types/api.generated.ts is stale: run `npm run generate:api`').toBe(true);
    expect(committed.limits === expected.limits, 'src/lib/api-limits.generated.ts is stale: run `npm run generate:api`').toBe(true);
  }, 60_000);
});
