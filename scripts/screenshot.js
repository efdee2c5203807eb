// npm run screenshot: renders the ranking sheet as officials will see it printed, with LibreOffice (soffice → PDF)
// and pdftoppm (→ PNG), for each built-in sample. Output: demo/ranking-<scheme>.png.
// Needs Debian's libreoffice-calc, poppler-utils and a CJK font (fonts-wqy-microhei); `npm test` installs the first.
const { spawnSync } = require("child_process");
const fs = require("fs");
const os = require("os");
const path = require("path");
const ExcelJS = require("exceljs");

const root = path.join(__dirname, "..");
const bin = path.join(root, "bin", "zonescore.js");
const out = path.join(root, "demo");
fs.mkdirSync(out, { recursive: true });
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "zs-shot-"));
const need = (cmd, pkg) => {
  if (spawnSync("which", [cmd]).status !== 0) {
    console.error(`screenshot: ${cmd} is missing (Debian: apt-get install ${pkg})`);
    process.exit(1);
  }
};
need("soffice", "libreoffice-calc");
need("pdftoppm", "poppler-utils");

(async () => {
  for (const scheme of ["huaibei-2023", "chifeng-2020"]) {
    const sample = path.join(tmp, `${scheme}.xlsx`);
    const result = path.join(tmp, `${scheme}-result.xlsx`);
    for (const args of [
      ["sample", scheme, "--out", sample],
      ["score", sample, "--scheme", scheme, "--out", result, "--values"],
    ]) {
      const r = spawnSync(process.execPath, [bin, ...args], { stdio: ["ignore", "ignore", "inherit"] });
      if (r.status !== 0) process.exit(1);
    }
    // only the ranking sheet, so that the first page is the one to look at
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(result);
    const keep = wb.worksheets.find((w) => w.name === "加分汇总" || w.name === "评分汇总");
    for (const w of [...wb.worksheets]) if (w !== keep) wb.removeWorksheet(w.id);
    const single = path.join(tmp, `ranking-${scheme}.xlsx`);
    await wb.xlsx.writeFile(single);
    const pdf = spawnSync(
      "soffice",
      [
        `-env:UserInstallation=file://${tmp}/lo-profile`,
        "--headless",
        "--norestore",
        "--convert-to",
        "pdf",
        "--outdir",
        tmp,
        single,
      ],
      { encoding: "utf8" },
    );
    if (pdf.status !== 0) throw new Error(pdf.stderr);
    const png = spawnSync(
      "pdftoppm",
      [
        "-png",
        "-r",
        "110",
        "-f",
        "1",
        "-l",
        "1",
        "-singlefile",
        path.join(tmp, `ranking-${scheme}.pdf`),
        path.join(out, `ranking-${scheme}`),
      ],
      { encoding: "utf8" },
    );
    if (png.status !== 0) throw new Error(png.stderr);
    console.log(path.relative(root, path.join(out, `ranking-${scheme}.png`)));
  }
})().catch((e) => {
  console.error(e);
  process.exit(1);
});
