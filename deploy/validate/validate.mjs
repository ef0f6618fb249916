// Validates the deployment files; run by deploy/check-manifests.sh, which installs the pinned packages of
// package.json (npm ci) under $CLAMP_STATE_DIR/tools/validate and passes that node_modules folder.
//   node validate.mjs --modules DIR [--manifests FILE…] [--dockerfile FILE] [--compose FILE]
// --manifests  multi-document YAML files: every object is validated against the Kubernetes API's schemas
//              (kubernetes.mjs) and each file, as one rendering, against the chart's promises (policy.mjs)
// --dockerfile the Dockerfile (dockerfile.mjs)
// --compose    docker-compose.yml (compose.mjs; needs --dockerfile to check build targets)
// Prints one line per file and one per problem; exits 1 when there is any problem.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { basename, join, relative } from "node:path";
import { composeProblems } from "./compose.mjs";
import { dockerfileProblems } from "./dockerfile.mjs";
import { KEDA_VERSION, KUBERNETES_VERSION, KubernetesSchemas } from "./kubernetes.mjs";
import { policyProblems } from "./policy.mjs";

const args = { manifests: [] };
for (let i = 2, key = null; i < process.argv.length; i++) {
  const arg = process.argv[i];
  if (arg.startsWith("--")) key = arg.slice(2);
  else if (key === "manifests") args.manifests.push(arg);
  else args[key] = arg;
}
if (!args.modules) {
  console.error("usage: node validate.mjs --modules DIR [--manifests FILE…] [--dockerfile FILE] [--compose FILE]");
  process.exit(2);
}

const { parseAllDocuments } = createRequire(join(args.modules, "noop.js"))("yaml");
const show = (file) => (relative(process.cwd(), file).startsWith("..") ? basename(file) : relative(process.cwd(), file));
let failed = 0;
const report = (file, summary, problems) => {
  console.log(`${problems.length ? "FAIL" : "ok  "} ${show(file)}: ${summary}`);
  for (const p of problems) console.log(`     - ${p}`);
  if (problems.length) failed++;
};

const schemas = new KubernetesSchemas(args.modules);
for (const file of args.manifests) {
  const problems = [];
  const objects = [];
  for (const doc of parseAllDocuments(readFileSync(file, "utf8"), { uniqueKeys: true })) {
    for (const error of doc.errors) problems.push(`YAML: ${error.message}`);
    const object = doc.toJS();
    if (object === null || object === undefined) continue;
    objects.push(object);
    for (const p of await schemas.problems(object)) problems.push(`${object.kind}/${object.metadata?.name}: ${p}`);
  }
  problems.push(...policyProblems(objects));
  const kinds = Object.entries(objects.reduce((n, o) => ({ ...n, [o.kind]: (n[o.kind] ?? 0) + 1 }), {}));
  report(file, `${objects.length} objects (${kinds.map(([k, n]) => `${n} ${k}`).join(", ")}) against Kubernetes ${KUBERNETES_VERSION} and KEDA ${KEDA_VERSION}`, problems);
}

let stages = [];
if (args.dockerfile) {
  const result = dockerfileProblems(args.dockerfile, args.modules);
  stages = result.stages;
  report(args.dockerfile, `stages ${stages.join(", ")}`, result.problems);
}
if (args.compose) {
  report(args.compose, "Compose Specification schema, depends_on, builds", await composeProblems(args.compose, args.modules, stages));
}
process.exit(failed ? 1 : 0);
