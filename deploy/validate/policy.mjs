// What the chart promises a platform team, checked on every rendering (the schemas cannot say it):
//   - every pod runs hardened: non-root, RuntimeDefault seccomp, no service-account token, and every container
//     (init containers too) with a read-only root filesystem, no privilege escalation, all capabilities dropped,
//     CPU and memory requests and a memory limit;
//   - every Deployment's containers have startup, readiness and liveness probes and its pods a topology spread;
//   - the objects that name others find them: HPA and ScaledObject targets (and never both on one Deployment, nor
//     spec.replicas on a scaled one), TriggerAuthentications, the pods that Services, PodDisruptionBudgets and
//     NetworkPolicies select, the named ports Services target, the Services and ports Ingresses route to.

const POD_TEMPLATE = {
  Deployment: (o) => o.spec?.template,
  StatefulSet: (o) => o.spec?.template,
  DaemonSet: (o) => o.spec?.template,
  Job: (o) => o.spec?.template,
  CronJob: (o) => o.spec?.jobTemplate?.spec?.template,
};

/** The problems of one rendering (all its objects together), as "Kind/name: problem" strings. */
export function policyProblems(objects) {
  const found = [];
  const add = (o, message) => found.push(`${o.kind}/${o.metadata?.name}: ${message}`);
  const workloads = objects.filter((o) => POD_TEMPLATE[o.kind]);
  const templates = workloads.map((o) => ({ owner: o, template: POD_TEMPLATE[o.kind](o) ?? {} }));

  for (const { owner, template } of templates) podProblems(owner, template, (m) => add(owner, m));

  const byKind = (kind) => objects.filter((o) => o.kind === kind);
  const names = (kind) => new Set(byKind(kind).map((o) => o.metadata?.name));
  const deployments = names("Deployment");
  const scaled = new Map();
  for (const o of [...byKind("HorizontalPodAutoscaler"), ...byKind("ScaledObject")]) {
    const target = o.spec?.scaleTargetRef;
    if ((target?.kind ?? "Deployment") !== "Deployment" || !deployments.has(target?.name)) add(o, `scales ${target?.name}, which is not a Deployment of this rendering`);
    if (scaled.has(target?.name)) add(o, `${target?.name} is also scaled by ${scaled.get(target?.name)}`);
    scaled.set(target?.name, `${o.kind}/${o.metadata?.name}`);
    for (const trigger of o.spec?.triggers ?? []) {
      const auth = trigger.authenticationRef;
      if (auth && (auth.kind ?? "TriggerAuthentication") === "TriggerAuthentication" && !names("TriggerAuthentication").has(auth.name)) {
        add(o, `trigger ${trigger.type} uses TriggerAuthentication ${auth.name}, which is not in this rendering`);
      }
    }
  }
  for (const d of byKind("Deployment")) {
    if (scaled.has(d.metadata?.name) && d.spec?.replicas !== undefined) add(d, `sets spec.replicas although ${scaled.get(d.metadata.name)} scales it (an upgrade would reset the scale)`);
  }

  const matching = (selector) => templates.filter(({ template }) => selects(selector, template.metadata?.labels ?? {}));
  for (const s of byKind("Service")) {
    const pods = matching({ matchLabels: s.spec?.selector ?? {} });
    if (!s.spec?.selector || pods.length === 0) { add(s, "selects no pod of this rendering"); continue; }
    for (const port of s.spec?.ports ?? []) {
      if (typeof port.targetPort === "string" && !pods.some(({ template }) => containers(template).some((c) => (c.ports ?? []).some((p) => p.name === port.targetPort)))) {
        add(s, `port ${port.name} targets ${port.targetPort}, which no selected container names`);
      }
    }
  }
  for (const o of byKind("PodDisruptionBudget")) if (matching(o.spec?.selector ?? {}).length === 0) add(o, "selects no pod of this rendering");
  for (const o of byKind("NetworkPolicy")) if (matching(o.spec?.podSelector ?? {}).length === 0) add(o, "selects no pod of this rendering");

  const services = new Map(byKind("Service").map((s) => [s.metadata?.name, s]));
  for (const ing of byKind("Ingress")) {
    for (const rule of ing.spec?.rules ?? []) {
      for (const path of rule.http?.paths ?? []) {
        const backend = path.backend?.service;
        const service = services.get(backend?.name);
        if (!service) add(ing, `routes ${rule.host}${path.path} to Service ${backend?.name}, which is not in this rendering`);
        else if (!(service.spec?.ports ?? []).some((p) => p.name === backend.port?.name || p.port === backend.port?.number)) {
          add(ing, `routes to port ${backend.port?.name ?? backend.port?.number} of Service ${backend.name}, which has no such port`);
        }
      }
    }
  }
  return found;
}

function podProblems(owner, template, add) {
  const pod = template.spec ?? {};
  const podContext = pod.securityContext ?? {};
  if (pod.automountServiceAccountToken !== false) add("automountServiceAccountToken is not false");
  if (!["RuntimeDefault", "Localhost"].includes(podContext.seccompProfile?.type)) add("pod seccompProfile is not RuntimeDefault");
  for (const c of [...(pod.initContainers ?? []), ...(pod.containers ?? [])]) {
    const context = { ...podContext, ...(c.securityContext ?? {}) };
    const where = `container ${c.name}`;
    if (context.runAsNonRoot !== true) add(`${where}: runAsNonRoot is not true`);
    if (context.runAsUser === 0) add(`${where}: runs as user 0`);
    if (c.securityContext?.readOnlyRootFilesystem !== true) add(`${where}: readOnlyRootFilesystem is not true`);
    if (c.securityContext?.allowPrivilegeEscalation !== false) add(`${where}: allowPrivilegeEscalation is not false`);
    if (c.securityContext?.privileged === true) add(`${where}: privileged`);
    if (!(c.securityContext?.capabilities?.drop ?? []).includes("ALL")) add(`${where}: capabilities do not drop ALL`);
    if (!c.resources?.requests?.cpu || !c.resources?.requests?.memory) add(`${where}: no CPU and memory requests`);
    if (!c.resources?.limits?.memory) add(`${where}: no memory limit`);
  }
  if (owner.kind === "Deployment") {
    for (const c of pod.containers ?? []) {
      for (const probe of ["startupProbe", "readinessProbe", "livenessProbe"]) if (!c[probe]) add(`container ${c.name}: no ${probe}`);
    }
    if (!(pod.topologySpreadConstraints ?? []).length) add("no topologySpreadConstraints");
  }
}

const containers = (template) => [...(template.spec?.initContainers ?? []), ...(template.spec?.containers ?? [])];

/** Whether a LabelSelector (matchLabels and matchExpressions) selects `labels`. */
function selects(selector, labels) {
  const matchLabels = selector.matchLabels ?? {};
  if (!Object.keys(matchLabels).length && !(selector.matchExpressions ?? []).length) return true;
  if (!Object.entries(matchLabels).every(([k, v]) => labels[k] === v)) return false;
  return (selector.matchExpressions ?? []).every(({ key, operator, values = [] }) => {
    switch (operator) {
      case "In": return values.includes(labels[key]);
      case "NotIn": return !values.includes(labels[key]);
      case "Exists": return key in labels;
      case "DoesNotExist": return !(key in labels);
      default: return false;
    }
  });
}
