// The import guards of eslint.config.js, proved on in-memory files: the engine imports nothing from the scheme data,
// the pane, the workbook adapters, the command line or the samples, at any depth; scheme data imports engine types.
import path from "path";
import { ESLint } from "eslint";

const root = path.join(__dirname, "..", "..");
// The config is required here and handed over (jest cannot run ESLint's own dynamic import of the config file).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const config = require(path.join(root, "eslint.config.js"));
const eslint = new ESLint({ cwd: root, overrideConfigFile: true, overrideConfig: config });

/** The import-guard messages ESLint gives for `code` as if it were the file `file` (relative to the repository). */
async function guardErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return result.messages
    .filter((m) => /no-restricted-imports$/.test(m.ruleId ?? "") || m.fatal)
    .map((m) => `${m.line}: ${m.message}`);
}

const outside = ["schemes", "taskpane", "workbook", "cli", "samples"];
const engineFiles = ["src/engine/pipeline.ts", "src/engine/read/x.ts", "src/engine/score/kinds/x.ts"];

describe("the engine imports nothing from outside it", () => {
  for (const file of engineFiles) {
    const up = "../".repeat(file.split("/").length - 2);
    test.each(outside)(`${file} importing ${up}%s/… is an error`, async (dir) => {
      const code = `import { a } from "${up}${dir}/index";\nexport const b = a;\n`;
      const errors = await guardErrors(file, code);
      expect(errors).toHaveLength(1);
      expect(errors[0]).toMatch(/^1: .*the engine imports nothing/);
    });
    test(`${file} importing the folder itself (${up}schemes) and a type from it is an error`, async () => {
      const code = `import type { A } from "${up}schemes";\nexport type B = A;\n`;
      expect(await guardErrors(file, code)).toHaveLength(1);
    });
  }
  test("imports inside the engine are allowed", async () => {
    const code =
      'import { score } from "../score/scoring";\nimport type { Scheme } from "../scheme/schema";\n' +
      'import { t } from "../i18n";\nexport const x = [score, t] as const;\nexport type S = Scheme;\n';
    expect(await guardErrors("src/engine/read/x.ts", code)).toEqual([]);
  });
  test.each(["react", "exceljs", "@fluentui/react-components"])("the engine importing %s is an error", async (lib) => {
    const code = `import * as m from "${lib}";\nexport const x = m;\n`;
    expect(await guardErrors("src/engine/output/x.ts", code)).toHaveLength(1);
  });
});

describe("scheme data imports only the engine's types", () => {
  test("a type import from the engine is allowed", async () => {
    const code = 'import type { SchemeInput } from "../engine/scheme/schema";\nexport const s = {} as SchemeInput;\n';
    expect(await guardErrors("src/schemes/new-2030.ts", code)).toEqual([]);
  });
  test("a value import from the engine is an error in a data file", async () => {
    const code = 'import { parseScheme } from "../engine/scheme/schema";\nexport const p = parseScheme;\n';
    expect(await guardErrors("src/schemes/new-2030.ts", code)).toEqual([
      "1: '../engine/scheme/schema' import is restricted from being used by a pattern. " +
        "a scheme data file imports engine types only",
    ]);
  });
  test("the registry may import the engine's parse function", async () => {
    const code = 'import { parseScheme } from "../engine/scheme/schema";\nexport const p = parseScheme;\n';
    expect(await guardErrors("src/schemes/index.ts", code)).toEqual([]);
  });
  test.each(["taskpane", "workbook", "cli", "samples"])("scheme data importing ../%s is an error", async (dir) => {
    const code = `import type { A } from "../${dir}/x";\nexport type B = A;\n`;
    expect(await guardErrors("src/schemes/new-2030.ts", code)).toHaveLength(1);
  });
});
