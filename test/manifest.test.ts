import * as fs from "fs";
import * as path from "path";
import { validateXML } from "xmllint-wasm";
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { manifestFor } = require("../scripts/manifest.js") as { manifestFor: (u: string) => string };

const ROOT = path.join(__dirname, "..");
// ../shared/manifest-xsd beside the repository (or beside the worktrees folder when run from a git worktree)
const XSD_DIR =
  [path.join(ROOT, "..", "shared", "manifest-xsd"), path.join(ROOT, "..", "..", "shared", "manifest-xsd")].find((d) =>
    fs.existsSync(d),
  ) ?? path.join(ROOT, "..", "shared", "manifest-xsd");

async function validate(xml: string) {
  const files = fs.readdirSync(XSD_DIR).filter((f) => f.endsWith(".xsd"));
  const read = (f: string) => ({ fileName: f, contents: fs.readFileSync(path.join(XSD_DIR, f), "utf8") });
  return validateXML({
    xml: [{ fileName: "manifest.xml", contents: xml }],
    schema: [read("OfficeAppManifestV1_1.xsd")],
    preload: files.filter((f) => f !== "OfficeAppManifestV1_1.xsd").map(read),
  });
}

function checkReferences(xml: string) {
  const ids = new Set([...xml.matchAll(/<bt:(?:Image|Url|String) id="([^"]+)"/g)].map((m) => m[1]));
  const used = [...xml.matchAll(/resid="([^"]+)"/g)].map((m) => m[1]);
  expect(used.length).toBeGreaterThan(5);
  for (const r of used) expect(ids).toContain(r);
  const icons = [...xml.matchAll(/"https:\/\/[^"]+\/assets\/([^"]+\.png)"/g)].map((m) => m[1]);
  expect(icons.length).toBeGreaterThanOrEqual(3);
  for (const i of icons) expect(fs.existsSync(path.join(ROOT, "assets", i))).toBe(true);
}

test("the XSDs are there (CI must validate, not skip)", () => {
  expect(fs.existsSync(path.join(XSD_DIR, "OfficeAppManifestV1_1.xsd"))).toBe(true);
});

test("manifest.xml is valid against the add-in manifest schemas, every resid resolves, every icon exists", async () => {
  const xml = fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
  const r = await validate(xml);
  expect(r.errors).toEqual([]);
  expect(r.valid).toBe(true);
  checkReferences(xml);
  expect(xml).toContain("<DefaultLocale>zh-CN</DefaultLocale>");
  expect(xml).toContain('Locale="en-US"');
  // the floor is what the code uses without a runtime check; page layout (1.9), merged areas (1.13) and notes (1.18)
  // are checked with isSetSupported and degrade
  expect(xml).toMatch(/<Set Name="ExcelApi" MinVersion="1.7"\/>/);
  expect(xml).toContain("<Permissions>ReadWriteDocument</Permissions>");
});

test("an intranet build's manifest (ADDIN_BASE_URL) is valid and points only at that server", async () => {
  const xml = manifestFor("https://intranet.example.gov.cn/zonescore/");
  const r = await validate(xml);
  expect(r.errors).toEqual([]);
  expect(xml).not.toContain("localhost");
  expect(xml).toContain("https://intranet.example.gov.cn/zonescore/taskpane.html");
  expect(xml).toContain("<AppDomain>https://intranet.example.gov.cn</AppDomain>");
  checkReferences(xml);
  expect(() => manifestFor("http://insecure.example/")).toThrow(/https/);
});

test("the built manifest in dist/ is valid", async () => {
  const built = path.join(ROOT, "dist", "manifest.xml");
  expect(fs.existsSync(built)).toBe(true);
  const r = await validate(fs.readFileSync(built, "utf8"));
  expect(r.errors).toEqual([]);
});
