/** The wording of the application's category values: the answer of GET /api/categories. */

export const categoryValueSchema = {
  $id: 'CategoryValue',
  type: 'object',
  required: ['value', 'fr', 'en'],
  additionalProperties: false,
  properties: {
    value: { type: 'string', description: 'as stored and as the API takes it' },
    fr: { type: 'string', description: 'in French words' },
    en: { type: 'string', description: 'in English words' },
  },
} as const;

export const categoriesSchema = {
  $id: 'Categories',
  type: 'object',
  required: ['columns'],
  additionalProperties: false,
  properties: {
    columns: {
      type: 'array',
      description: 'every categorical column of the application, its values most frequent first',
      items: {
        type: 'object',
        required: ['name', 'values'],
        additionalProperties: false,
        properties: {
          name: { type: 'string', description: 'the application column, e.g. NAME_INCOME_TYPE' },
          values: { type: 'array', items: { $ref: 'CategoryValue#' } },
        },
      },
    },
  },
} as const;
