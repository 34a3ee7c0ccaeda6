// Bundles the visual editor into the manager's assets: wwwroot/manager/visual-editor.js and .css, plus the
// licences of the packages inside them. Run by the CMS build (Cadence.Cms.csproj) after `npm ci`.
import * as esbuild from "esbuild";
import fs from "node:fs";
import path from "node:path";

const here = path.dirname(new URL(import.meta.url).pathname);
const out = path.join(here, "../wwwroot/manager");

const result = await esbuild.build({
  absWorkingDir: here,
  entryPoints: [{ in: "src/main.js", out: "visual-editor" }, { in: "src/editor.css", out: "visual-editor" }],
  outdir: out,
  bundle: true,
  minify: true,
  format: "iife",
  target: ["es2020"],
  legalComments: "none",
  metafile: true,
  logLevel: "warning",
});

// MIT-style licences travel with the code they cover.
const packages = new Set();
for (const input of Object.keys(result.metafile.inputs)) {
  const match = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input);
  if (match) packages.add(match[1]);
}
const notices = [...packages].sort().map((name) => {
  const folder = path.join(here, "node_modules", name);
  const { version, license } = JSON.parse(fs.readFileSync(path.join(folder, "package.json"), "utf8"));
  const file = fs.readdirSync(folder).find((f) => /^licen[cs]e/i.test(f));
  return `${name} ${version} (${license})\n\n${file ? fs.readFileSync(path.join(folder, file), "utf8").trim() : ""}\n`;
});
fs.writeFileSync(path.join(out, "visual-editor.licenses.txt"), "Packages bundled into visual-editor.js and visual-editor.css\n\n" + notices.join("\n----\n\n"));
