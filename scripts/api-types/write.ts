/** `npm run gen:api-types`: writes the dashboard's API types (see generate.ts). */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { API_TYPES_FILE, generateApiTypes } from './generate.ts';

const target = resolve(import.meta.dirname, '../..', API_TYPES_FILE);
writeFileSync(target, await generateApiTypes());
console.log(`wrote ${API_TYPES_FILE}`);
