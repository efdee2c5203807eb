// npm run setup:e2e: installs what the end-to-end tests need and a fresh machine lacks, with Debian's apt-get when
// run as root: chromium (browser tests, driven by playwright-core), a CJK font (screenshots and PDFs), LibreOffice Calc
// (the independent formula engine), python3-openpyxl with python3-pil (an independent tool that writes test workbooks) and
// poppler-utils (PDF pages as PNG). Elsewhere it says what to install. `.ci/run` and `npm test` call it.
const { spawnSync } = require("child_process");
const fs = require("fs");

const TOOLS = [
  {
    what: "chromium",
    bin: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
    env: "CHROMIUM_PATH",
    packages: ["chromium"],
  },
  { what: "CJK font", bin: "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", packages: ["fonts-wqy-microhei"] },
  {
    what: "LibreOffice Calc",
    bin: process.env.SOFFICE_PATH || "/usr/bin/soffice",
    env: "SOFFICE_PATH",
    packages: ["libreoffice-calc"],
    noRecommends: true,
  },
  { what: "openpyxl", bin: "/usr/lib/python3/dist-packages/openpyxl", packages: ["python3-openpyxl"] },
  // Pillow: openpyxl needs it to put an image into the round-trip corpus (test/workbook/roundtrip.e2e.test.ts)
  { what: "Pillow", bin: "/usr/lib/python3/dist-packages/PIL", packages: ["python3-pil"] },
  { what: "pdftoppm", bin: "/usr/bin/pdftoppm", packages: ["poppler-utils"] },
];

const missing = () => TOOLS.filter((t) => !fs.existsSync(t.bin));

function setup() {
  const absent = missing();
  if (!absent.length) return true;
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  if (isRoot && fs.existsSync("/usr/bin/apt-get")) {
    const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
    const apt = (args) => spawnSync("apt-get", args, { stdio: "inherit", env });
    console.log(`setup:e2e: installing ${absent.flatMap((t) => t.packages).join(", ")} (apt-get)…`);
    apt(["update", "-qq"]);
    const plain = absent.filter((t) => !t.noRecommends).flatMap((t) => t.packages);
    const lean = absent.filter((t) => t.noRecommends).flatMap((t) => t.packages);
    if (plain.length) apt(["install", "-y", "-qq", ...plain]);
    if (lean.length) apt(["install", "-y", "-qq", "--no-install-recommends", ...lean]);
  }
  const still = missing();
  for (const t of still) {
    const env = t.env ? ` or set ${t.env}` : "";
    console.error(`setup:e2e: ${t.what} is missing (${t.bin}). Debian: apt-get install ${t.packages.join(" ")}${env}.`);
  }
  return still.length === 0;
}

module.exports = { setup, missing };
if (require.main === module) process.exit(setup() ? 0 : 1);
