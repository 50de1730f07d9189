import tseslint from 'typescript-eslint';

// Where code may run is enforced by folder (STYLE.md): src-shared imports no Node,
// Electron or DOM-only code; the renderer imports only src-shared and its own files.
const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'child_process', 'crypto', 'http', 'url', 'util', 'stream'];

export default tseslint.config(
  { ignores: ['out/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', '.cache/**', 'resources/**', '.electron-native/**', 'dist-installers/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false }],
    },
  },
  {
    files: ['src-shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: nodeBuiltins, message: 'src-shared runs in the renderer too: no Node modules.' },
            { group: ['electron', 'better-sqlite3', 'drizzle-orm', 'drizzle-orm/*', 'react', 'react-dom', '@mantine/*'], message: 'src-shared is pure: no Electron, database or UI code.' },
            { group: ['**/src-main/**', '**/src-renderer/**', '../../src-main/*', '../../src-renderer/*'], message: 'src-shared imports only src-shared.' },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'localStorage', 'sessionStorage'],
    },
  },
  {
    files: ['src-renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: nodeBuiltins, message: 'The renderer never touches Node.' },
            { group: ['electron', 'better-sqlite3', 'drizzle-orm', 'drizzle-orm/*', 'pdfkit', 'bwip-js'], message: 'The renderer talks to the app only through the contract client.' },
            { group: ['**/src-main/**', '../src-main/*', '../../src-main/*', '../../../src-main/*'], message: 'The renderer imports only src-shared.' },
          ],
        },
      ],
    },
  },
  {
    // SQL composed, never spliced (src-main/db/sql.ts): a value reaches SQLite only bound
    files: ['src-main/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.property.name='prepare'] > TemplateLiteral[expressions.length>0]",
          message: 'No ${…} inside prepare(): build the statement with the sql`…` tag (src-main/db/sql.ts) and pass q.text, values bound.',
        },
      ],
    },
  },
  {
    // a focused test left behind silently skips every other test of its file
    files: ['test/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.object.name=/^(it|test|describe)$/][callee.property.name='only']", message: 'No .only in committed tests.' },
        { selector: "MemberExpression[object.name=/^(it|test|describe)$/][property.name='only']", message: 'No .only in committed tests.' },
      ],
    },
  },
  {
    files: ['src-main/electron/preload.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['zod', '**/src-shared/**'], message: 'The sandboxed preload stays free of packages (STACK.md).' }] }],
    },
  },
);
