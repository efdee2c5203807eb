/** The command line uses the column mapping saved in a workbook, or a file that overrides it (needs the built CLI). */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { MAP, oddBookScored } from "./odd-workbook";

test("the command line reads the saved mapping; --save-mapping writes it; --mapping overrides it", async () => {
  const { book: back } = await oddBookScored();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "zs-map-"));
  const f = path.join(dir, "odd.xlsx");
  fs.writeFileSync(f, await back.toBuffer());
  const bin = path.join(__dirname, "..", "..", "bin", "zonescore.js");
  const zs = (...a: string[]) => spawnSync(process.execPath, [bin, ...a], { encoding: "utf8" });
  expect(zs("check", f, "--scheme", "huaibei-2023").status).toBe(0);
  const saved = path.join(dir, "m.json");
  expect(zs("check", f, "--scheme", "huaibei-2023", "--save-mapping", saved).status).toBe(0);
  const m = JSON.parse(fs.readFileSync(saved, "utf8"));
  expect(m.tables.zones.columns.output).toBe("C");
  expect(m.aliases).toEqual(MAP.aliases);
  m.tables.zones.columns.output = "B";
  m.tables.zones.columns.outputPrev = "C";
  fs.writeFileSync(saved, JSON.stringify(m));
  const swapped = zs(
    "score",
    f,
    "--scheme",
    "huaibei-2023",
    "--mapping",
    saved,
    "--out",
    path.join(dir, "o.xlsx"),
    "--json",
    "-",
  );
  expect(
    JSON.parse(swapped.stdout)
      .entities.find((e: { name: string }) => e.name === "濉溪经济开发区")
      .parts.find((p: { rule: string }) => p.rule === "2.1").points,
  ).toBe(0);
});
