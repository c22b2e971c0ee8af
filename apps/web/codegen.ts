import type { CodegenConfig } from '@graphql-codegen/cli';

// Typed operations from the schema the API emits (apps/web/schema.graphql, see README).
const config: CodegenConfig = {
  schema: 'schema.graphql',
  documents: ['src/**/*.ts', 'src/**/*.tsx', '!src/gql/**'],
  ignoreNoDocuments: true,
  generates: {
    'src/gql/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        enumsAsTypes: true,
        useTypeImports: true,
        scalars: { DateTime: 'string', Date: 'string' },
        avoidOptionals: false,
      },
    },
  },
};
export default config;
