// npm start: sideload into desktop Excel where office-addin-debugging is installed; otherwise say how.
const { spawnSync } = require("child_process");
let hasDebugging;
try {
  require.resolve("office-addin-debugging/package.json");
  hasDebugging = true;
} catch {
  hasDebugging = false;
}
if (hasDebugging) {
  const r = spawnSync("npx", ["office-addin-debugging", "start", "manifest.xml"], { stdio: "inherit" });
  process.exit(r.status === null ? 1 : r.status);
}
console.log(`office-addin-debugging is not installed (it cannot be installed offline), so nothing was sideloaded.

1. npm run dev-server            (serves https://localhost:3000)
2. Excel on the web: Home → Add-ins → More add-ins → Upload my add-in → manifest.xml
   Excel desktop: npm i -D office-addin-debugging && npx office-addin-debugging start manifest.xml
3. Without Excel (WPS, other tools): open https://localhost:3000/index.html — the standalone page.`);
