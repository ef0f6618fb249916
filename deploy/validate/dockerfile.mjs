// The Dockerfile: linted by dockerfile-utils (the linter of the VS Code Docker extension: unknown instructions and
// flags, malformed arguments, several CMD/ENTRYPOINT/HEALTHCHECK in a stage …; pinned in package.json), then what this
// repository asks of it: several stages (the SDK only in the build stage), every stage an image is taken from runs as
// a non-root user, and the "service" stage (the images of the HTTP services) has a HEALTHCHECK.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";

export function dockerfileProblems(file, modulesDir) {
  const require = createRequire(join(modulesDir, "noop.js"));
  const { validate } = require("dockerfile-utils");
  const { DockerfileParser } = require("dockerfile-ast");
  const content = readFileSync(file, "utf8");
  const problems = validate(content).map((d) => `line ${d.range.start.line + 1}: ${d.message}`);

  const stages = [];
  for (const instruction of DockerfileParser.parse(content).getInstructions()) {
    const keyword = instruction.getKeyword();
    if (keyword === "FROM") stages.push({ name: instruction.getBuildStage(), image: instruction.getImage(), instructions: [] });
    else stages.at(-1)?.instructions.push({ keyword, args: instruction.getArgumentsContent() ?? "", from: instruction.getFromFlag?.()?.getValue() });
  }
  if (stages.length < 2) problems.push("not a multi-stage build");

  const byName = new Map(stages.map((s) => [s.name, s]));
  // The user a stage runs as: its last USER, else its parent stage's (FROM <stage>), else the base image's (root).
  const userOf = (stage) => {
    const user = stage.instructions.filter((i) => i.keyword === "USER").at(-1)?.args;
    return user ?? (byName.has(stage.image) ? userOf(byName.get(stage.image)) : "root");
  };
  const built = new Set(stages.map((s) => s.image));
  for (const stage of stages) {
    const isBuildStage = stages.some((s) => s.instructions.some((i) => i.keyword === "COPY" && i.from === stage.name));
    if (isBuildStage && !built.has(stage.name)) continue; // only copied from: never run as an image
    const user = userOf(stage).split(":")[0].trim();
    if (["root", "0", ""].includes(user)) problems.push(`stage ${stage.name ?? stage.image} runs as root (no USER)`);
  }
  const service = byName.get("service");
  if (!service) problems.push('no stage named "service" (the services\' image)');
  else if (!service.instructions.some((i) => i.keyword === "HEALTHCHECK")) problems.push("the service stage has no HEALTHCHECK");
  return { problems, stages: stages.map((s) => s.name).filter(Boolean) };
}
