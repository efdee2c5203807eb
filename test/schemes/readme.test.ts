/** The README's scheme table lists exactly the registered schemes, with the registry's names, in the registry's order. */
import * as fs from "fs";
import * as path from "path";
import { builtInSchemeIds, getBuiltInScheme, getTargetScheme, targetSchemeIds } from "../../src/schemes";
import { sampleIds } from "../../src/samples";

/** The rows `[id, name]` of the table under "Built-in schemes" in README.md. */
function readmeRows(): string[][] {
  const readme = fs.readFileSync(path.join(__dirname, "..", "..", "README.md"), "utf8");
  const after = readme.split("Built-in schemes, each rule citing its clause")[1];
  const table = after.slice(after.indexOf("\n|")).split("\n\n")[0].trim().split("\n").slice(2);
  return table.map((line) => {
    const [id, name] = line
      .split("|")
      .slice(1, 3)
      .map((c) => c.trim());
    return [id.replace(/`/g, ""), name];
  });
}

/** The registered ids (scoring schemes first, then target schemes not already listed) with their names. */
function registryRows(): string[][] {
  const ids = [...new Set([...builtInSchemeIds(), ...targetSchemeIds()])];
  return ids.map((id) => {
    const names = [getBuiltInScheme(id)?.name, getTargetScheme(id)?.name].filter((n) => n !== undefined);
    return [id, names.join("; ")];
  });
}

test("the README's scheme table is the registry's list of schemes and names", () => {
  const rows = readmeRows();
  expect(rows.length).toBeGreaterThanOrEqual(5);
  expect(rows).toEqual(registryRows());
});

test("every scoring scheme has its sample", () => {
  expect(sampleIds().sort()).toEqual(builtInSchemeIds().sort());
});
