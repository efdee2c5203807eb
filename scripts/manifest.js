// The add-in manifest for a given base URL (the dev server's by default). Used by webpack and by the tests.
const fs = require("fs");
const path = require("path");

const DEV_URL = "https://localhost:3000/";

function normaliseBase(u) {
  if (!/^https:\/\/[^\s"<>]+$/.test(u)) throw new Error(`ADDIN_BASE_URL must be an https:// URL, got ${u}`);
  return u.endsWith("/") ? u : u + "/";
}

function manifestFor(baseUrl, source = fs.readFileSync(path.join(__dirname, "..", "manifest.xml"), "utf8")) {
  const base = normaliseBase(baseUrl);
  const origin = new URL(base).origin;
  return source
    .split(DEV_URL)
    .join(base)
    .split("<AppDomain>https://localhost:3000</AppDomain>")
    .join(`<AppDomain>${origin}</AppDomain>`);
}

module.exports = { DEV_URL, manifestFor, normaliseBase };
