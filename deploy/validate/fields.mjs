// Unknown-field check for Kubernetes objects, as `kubectl apply` (field validation "Strict") does.
//
// The compiled validators of kubernetes-models check types, required fields, enums and formats, but let unknown fields
// through (the OpenAPI schemas they come from leave additionalProperties open). The property names of every model are
// in the same package's TypeScript declarations (generated from the same OpenAPI document), so this module reads the
// declaration of the object's kind and walks the object along it: a field the declaration does not name is reported
// with its path (a typo such as `securityContex` or a field at the wrong level).
//
// Declarations look like:  export interface IDeploymentSpec { "replicas"?: number; "template": IIoK8sApi…PodTemplateSpec; }
// with the referenced interfaces imported from sibling files. Types this parser does not model (aliases such as
// IntOrString, string-literal unions) are leaves: their values are not walked.
import { readFileSync, existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";

const PRIMITIVES = new Set(["string", "number", "boolean", "any", "unknown", "object", "null", "undefined", "never"]);

/** Reads `.d.ts` files below `modulesDir` and resolves each model's shape once. */
export class FieldIndex {
  constructor(modulesDir) {
    this.modulesDir = modulesDir;
    this.files = new Map(); // path -> { imports: Map(name -> path), shape }
  }

  /** The shape of the model declared in `dtsPath` (its first exported interface), or null for an alias. */
  shapeOf(dtsPath) {
    return this.#file(dtsPath).shape();
  }

  #file(path) {
    let file = this.files.get(path);
    if (file) return file;
    const text = stripComments(readFileSync(path, "utf8"));
    const imports = new Map();
    for (const m of text.matchAll(/import\s*\{([^}]*)\}\s*from\s*"([^"]+)"/g)) {
      for (const name of m[1].split(",").map((s) => s.trim()).filter(Boolean)) imports.set(name, this.#resolveImport(path, m[2]));
    }
    let shape;
    file = {
      imports,
      shape: () => {
        if (shape !== undefined) return shape;
        shape = null; // a reference cycle (JSONSchemaProps) ends here
        const start = text.search(/export interface \w+(?:\s+extends[^{]*)?\s*\{/);
        if (start >= 0) {
          const open = text.indexOf("{", start);
          shape = parseType(text.slice(open, matchingBrace(text, open) + 1), (name) => this.#ref(file, name));
        }
        return shape;
      },
    };
    this.files.set(path, file);
    return file;
  }

  #resolveImport(from, spec) {
    const base = spec.startsWith(".") ? resolve(dirname(from), spec) : join(this.modulesDir, spec);
    return base.replace(/\.js$/, "") + ".d.ts";
  }

  #ref(file, name) {
    const path = file.imports.get(name);
    if (!path || !existsSync(path)) return { kind: "leaf" };
    return { kind: "ref", get: () => this.shapeOf(path) };
  }
}

/** Every path in `value` that `shape` does not declare, e.g. "spec.template.spec.containers[0].securityContex". */
export function unknownFields(shape, value, path = "") {
  const found = [];
  walk(shape, value, path, found);
  return found;
}

function walk(shape, value, path, found) {
  if (!shape || value === null || value === undefined) return;
  switch (shape.kind) {
    case "ref":
      return walk(shape.get(), value, path, found);
    case "array":
      if (Array.isArray(value)) value.forEach((item, i) => walk(shape.item, item, `${path}[${i}]`, found));
      return;
    case "map":
      if (isObject(value)) for (const [k, v] of Object.entries(value)) walk(shape.value, v, `${path}.${k}`, found);
      return;
    case "object":
      if (!isObject(value)) return;
      for (const [k, v] of Object.entries(value)) {
        const child = path ? `${path}.${k}` : k;
        if (!(k in shape.props)) found.push(child);
        else walk(shape.props[k], v, child, found);
      }
      return;
    default:
      return;
  }
}

const isObject = (v) => typeof v === "object" && v !== null && !Array.isArray(v);

function stripComments(text) {
  return text.replace(/\/\*[\s\S]*?\*\//g, "").replace(/^\s*\/\/.*$/gm, "");
}

function matchingBrace(text, open) {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === "{") depth++;
    else if (text[i] === "}" && --depth === 0) return i;
  }
  throw new Error("unbalanced braces in a declaration");
}

/** Splits `text` at `sep` where no bracket is open. */
function splitTop(text, sep) {
  const parts = [];
  let depth = 0, quote = false, last = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') quote = !quote;
    if (quote) continue;
    if ("{<([".includes(c)) depth++;
    else if ("}>)]".includes(c)) depth--;
    else if (c === sep && depth === 0) { parts.push(text.slice(last, i)); last = i + 1; }
  }
  parts.push(text.slice(last));
  return parts.map((p) => p.trim()).filter(Boolean);
}

/** A type expression of a declaration: { kind: object | map | array | ref | leaf }. */
function parseType(text, ref) {
  text = text.trim();
  const union = splitTop(text, "|").filter((t) => t !== "null" && t !== "undefined");
  if (union.length > 1) return { kind: "leaf" }; // e.g. "Always" | "Never", number | string
  text = union[0] ?? "";
  if (text.startsWith("Array<") && text.endsWith(">")) return { kind: "array", item: parseType(text.slice(6, -1), ref) };
  if (text.endsWith("[]")) return { kind: "array", item: parseType(text.slice(0, -2), ref) };
  if (text.startsWith("{")) {
    const body = text.slice(1, text.lastIndexOf("}"));
    const index = body.match(/^\s*\[\s*\w+\s*:\s*string\s*\]\s*:\s*([\s\S]*?);?\s*$/);
    if (index) return { kind: "map", value: parseType(index[1], ref) };
    const props = {};
    for (const member of splitTop(body, ";")) {
      const m = member.match(/^(?:readonly\s+)?(?:"([^"]+)"|(\w+))\??\s*:\s*([\s\S]+)$/);
      if (m) props[m[1] ?? m[2]] = parseType(m[3], ref);
    }
    return { kind: "object", props };
  }
  if (/^\w+$/.test(text) && !PRIMITIVES.has(text)) return ref(text);
  return { kind: "leaf" };
}
