// ESLint flat config: recommended JS and TypeScript rules; the engine must stay pure (no Office, React, ExcelJS, DOM).
const js = require("@eslint/js");
const tseslint = require("typescript-eslint");

/** Libraries only the pane and the workbook adapters may use. */
const PURE = [
  {
    group: ["react", "react-dom", "exceljs", "@fluentui/*", "office-*"],
    message: "the engine and the schemes stay pure",
  },
];
const HOST_GLOBALS = ["document", "window", "Office", "Excel", "navigator"];
/** A relative import that climbs out of src/engine into the data, the UI, the adapters, the CLI or the samples. */
const OUTSIDE_ENGINE = "^(\\.\\./)+(schemes|taskpane|workbook|cli|commands|samples)(/|$)";
const ENGINE_MESSAGE =
  "the engine imports nothing from src/schemes, src/taskpane, src/workbook, src/cli or src/samples";
/** From src/schemes: anything outside src/schemes and src/engine. */
const OUTSIDE_SCHEMES = "^(\\.\\./)+(taskpane|workbook|cli|commands|samples)(/|$)";
const SCHEMES_MESSAGE = "scheme data imports only the engine's types";

module.exports = tseslint.config(
  { ignores: ["dist/**", "build/**", "node_modules/**", "coverage/**", "demo/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.ts", "**/*.tsx"],
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/no-non-null-assertion": "off",
    },
  },
  {
    // The engine is pure and owns the types: it imports no UI, host or file library, and nothing from the scheme data,
    // the pane, the workbook adapters, the command line or the samples (at any depth of ../).
    files: ["src/engine/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [...PURE, { regex: OUTSIDE_ENGINE, message: ENGINE_MESSAGE }] }],
      "no-restricted-globals": ["error", ...HOST_GLOBALS],
    },
  },
  {
    // Schemes are data: they import the engine's types (the registries also its parse functions) and nothing else.
    files: ["src/schemes/**/*.ts"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        { patterns: [...PURE, { regex: OUTSIDE_SCHEMES, message: SCHEMES_MESSAGE }] },
      ],
      "no-restricted-globals": ["error", ...HOST_GLOBALS],
    },
  },
  {
    files: ["src/schemes/**/*.ts"],
    ignores: ["src/schemes/index.ts", "src/schemes/targets.ts"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          patterns: [
            ...PURE,
            { regex: OUTSIDE_SCHEMES, message: SCHEMES_MESSAGE },
            {
              regex: "(^|/)engine(/|$)",
              allowTypeImports: true,
              message: "a scheme data file imports engine types only",
            },
          ],
        },
      ],
    },
  },
  {
    // Readable functions and lines (issue 8): no function over 60 lines, no line over 120 characters in src.
    files: ["src/**/*.ts", "src/**/*.tsx"],
    rules: {
      "max-lines-per-function": ["error", { max: 60, skipBlankLines: true, skipComments: true }],
      "max-len": ["error", { code: 120 }],
    },
  },
  {
    files: ["**/*.js"],
    languageOptions: {
      sourceType: "commonjs",
      globals: {
        require: "readonly",
        module: "writable",
        process: "readonly",
        __dirname: "readonly",
        __filename: "readonly",
        Buffer: "readonly",
        console: "readonly",
        setTimeout: "readonly",
        URL: "readonly",
      },
    },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
);
