// Builds the task pane (also the standalone page), the ribbon commands file and the manifest.
// Production URLs: ADDIN_BASE_URL=https://intranet.example.gov.cn/zonescore/ npm run build
const path = require("path");
const fs = require("fs");
const os = require("os");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");

const { DEV_URL, manifestFor, normaliseBase } = require("./scripts/manifest");

function baseUrl() {
  return normaliseBase(process.env.ADDIN_BASE_URL || DEV_URL);
}

/** dev-server certificates, read from office-addin-dev-certs' folder directly (its CA install needs sudo) */
function httpsOptions() {
  const dir = path.join(os.homedir(), ".office-addin-dev-certs");
  const f = (n) => path.join(dir, n);
  if (fs.existsSync(f("localhost.crt")) && fs.existsSync(f("localhost.key"))) {
    return {
      key: fs.readFileSync(f("localhost.key")),
      cert: fs.readFileSync(f("localhost.crt")),
      ca: fs.existsSync(f("ca.crt")) ? fs.readFileSync(f("ca.crt")) : undefined,
    };
  }
  return undefined;
}

module.exports = (env, argv) => {
  const mode = argv.mode || "production";
  const url = baseUrl();
  return {
    mode,
    devtool: mode === "production" ? false : "source-map",
    entry: { taskpane: "./src/taskpane/index.tsx", commands: "./src/commands/commands.ts" },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].[contenthash:8].js",
      chunkFilename: "[name].[contenthash:8].js",
      clean: true,
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js"],
      fallback: {
        fs: false,
        path: false,
        os: false,
        crypto: false,
        stream: false,
        buffer: false,
        util: false,
        zlib: false,
        events: false,
        string_decoder: false,
        timers: false,
      },
    },
    module: {
      rules: [
        { test: /\.tsx?$/, exclude: /node_modules/, use: { loader: "ts-loader", options: { transpileOnly: true } } },
      ],
    },
    performance: { hints: false },
    plugins: [
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["taskpane"],
        officeJs: true,
      }),
      // the standalone page: same app, no office.js, so nothing at all is fetched from outside
      new HtmlWebpackPlugin({
        filename: "index.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["taskpane"],
        officeJs: false,
      }),
      new HtmlWebpackPlugin({
        filename: "commands.html",
        template: "./src/commands/commands.html",
        chunks: ["commands"],
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          { from: "assets/help.html", to: "help.html" },
          { from: "manifest.xml", to: "manifest.xml", transform: (content) => manifestFor(url, content.toString()) },
        ],
      }),
    ],
    devServer: {
      port: 3000,
      server: httpsOptions() ? { type: "https", options: httpsOptions() } : "https",
      headers: { "Access-Control-Allow-Origin": "*" },
      static: false,
    },
  };
};
