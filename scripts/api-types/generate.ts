/**
 * The dashboard's API types, generated from the OpenAPI document by swagger-typescript-api (types
 * only: components by name, and each route's query, body and answer). The output is committed at
 * web/src/api/generated/api-types.ts; src/api/contract/web-types.test.ts fails when it is stale.
 */
import { generateApi } from 'swagger-typescript-api';
import { openApiDocument } from '../../src/api/contract/openapi-document.ts';

export const API_TYPES_FILE = 'web/src/api/generated/api-types.ts';

const HEADER = `/**
 * Generated from the API's OpenAPI document (GET /api/openapi.json) by swagger-typescript-api.
 * Do not edit: change the route schemas in src/api, then run \`npm run gen:api-types\`.
 */

`;

/** The text of web/src/api/generated/api-types.ts for the current route schemas. */
export async function generateApiTypes(): Promise<string> {
  const spec = await openApiDocument();
  const { files } = await generateApi({
    spec: spec as never,
    fileName: 'api-types.ts',
    generateClient: false,
    generateRouteTypes: false,
    generateUnionEnums: true,
    extractRequestParams: true,
    extractRequestBody: true,
    extractResponseBody: true,
    sortTypes: true,
    silent: true,
  });
  const [file] = files;
  if (!file || files.length !== 1)
    throw new Error(`expected one generated file, got ${files.length}`);
  return HEADER + file.fileContent;
}
