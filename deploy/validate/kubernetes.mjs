// Schema validation of Kubernetes objects against the Kubernetes API's OpenAPI schemas, for one stated version.
//
// Schemas and validators come from the npm package kubernetes-models (pinned in package.json; 5.0.0 moved it to the
// OpenAPI document of Kubernetes v1.36.0, per its changelog, and 5.1.0 is the release the registry serves; the API
// groups removed from Kubernetes are kept in it for old manifests, hence rule 1), and @kubernetes-models/keda 2.0.0 for
// KEDA's ScaledObject and TriggerAuthentication (generated from KEDA's Go API types, from which its CRDs'
// openAPIV3Schema is generated too; v2.19 per the package's changelog and go.mod). Each object is checked three ways:
//   1. its apiVersion and kind name a served resource, and a built-in group is used at a GA version (v1, v2 …): beta
//      versions of built-in APIs are off by default or removed in the stated version;
//   2. the compiled JSON-schema validator of that kind (types, required fields, enums, formats such as quantities);
//   3. no field the schema does not declare (fields.mjs), as `kubectl apply` refuses them.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { FieldIndex, unknownFields } from "./fields.mjs";

export const KUBERNETES_VERSION = "1.36";
export const KEDA_VERSION = "2.19";

// API groups of custom resources: group -> the package holding their models.
const CRD_PACKAGES = { "keda.sh": "@kubernetes-models/keda" };

export class KubernetesSchemas {
  constructor(modulesDir) {
    this.modulesDir = modulesDir;
    this.fields = new FieldIndex(modulesDir);
  }

  /** The problems of one object, as readable strings; empty when it is valid. */
  async problems(object) {
    const { apiVersion, kind } = object ?? {};
    if (typeof apiVersion !== "string" || typeof kind !== "string") return ["no apiVersion or kind"];
    const [group, version] = apiVersion.includes("/") ? apiVersion.split("/") : ["", apiVersion];
    const crd = CRD_PACKAGES[group];
    if (!crd && /(alpha|beta)\d*$/.test(version)) {
      return [`${apiVersion} is not a GA version: use the GA API of ${kind} served by Kubernetes ${KUBERNETES_VERSION}`];
    }
    const base = join(this.modulesDir, crd ? join(crd, group) : group ? join("kubernetes-models", group) : "kubernetes-models", version, kind);
    const Model = existsSync(`${base}.js`) ? (await import(pathToFileURL(`${base}.js`).href))[kind] : undefined;
    if (typeof Model !== "function" || Model.kind !== kind || Model.apiVersion !== apiVersion) {
      return [`no schema for ${apiVersion} ${kind} (not a resource of Kubernetes ${KUBERNETES_VERSION}${crd ? ` or KEDA ${KEDA_VERSION}` : ""})`];
    }
    const found = [];
    try {
      new Model(object).validate();
    } catch (error) {
      found.push(...String(error.message).split(", data").map((m, i) => (i ? "data" + m : m)));
    }
    for (const path of unknownFields(this.fields.shapeOf(`${base}.d.ts`), object)) found.push(`unknown field ${path}`);
    return found;
  }
}
