// ESLint for the web app: TypeScript's recommended rules, the rules of hooks (with the React
// Compiler's checks that come with eslint-plugin-react-hooks 7) and accessibility checks on JSX.
// Formatting is Prettier's job, so eslint-config-prettier turns off every rule that would argue
// with it. `npm run lint` fails on any warning, and Maven runs it with the tests.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import prettier from 'eslint-config-prettier';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['dist/', 'target/', 'node_modules/'] },
  js.configs.recommended,
  tseslint.configs.recommended,
  reactHooks.configs.flat.recommended,
  jsxA11y.flatConfigs.recommended,
  {
    languageOptions: {
      ecmaVersion: 2022,
      globals: { ...globals.browser },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // `const { a: _a, ...rest } = x` is how the code drops a field from a copy.
      '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true }],
      // autoFocus is used only on the first field of a form the user has just opened on purpose.
      'jsx-a11y/no-autofocus': 'off',
      // Key handlers on containers catch shortcuts (Escape, Ctrl+Shift+E) from the focused control inside;
      // mouse handlers on non-interactive elements are still reported.
      'jsx-a11y/no-static-element-interactions': ['error', { handlers: ['onClick', 'onMouseDown', 'onMouseUp'] }],
      'jsx-a11y/no-noninteractive-element-interactions': [
        'error',
        { handlers: ['onClick', 'onMouseDown', 'onMouseUp'] },
      ],
    },
  },
  {
    files: ['vite.config.ts', 'eslint.config.js', 'scripts/**'],
    languageOptions: { globals: { ...globals.node } },
  },
  prettier,
);
