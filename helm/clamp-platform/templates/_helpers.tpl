{{/*
What the code of each service is, not configuration: its project, whether it serves gRPC, and which of PostgreSQL and
RabbitMQ it uses (the query service and the web page use neither). These facts choose environment variables, ports, Services and the
NetworkPolicy labels.
*/}}
{{- define "clamp.components" -}}
ingest:      { project: Clamp.Ingest,      grpc: false, postgres: true,  rabbitmq: true }
patching:    { project: Clamp.Patching,    grpc: false, postgres: false, rabbitmq: true }
embedding:   { project: Clamp.Embedding,   grpc: true,  postgres: false, rabbitmq: true }
vectorstore: { project: Clamp.VectorStore, grpc: true,  postgres: true,  rabbitmq: true }
query:       { project: Clamp.Query,       grpc: true,  postgres: false, rabbitmq: false }
web:         { project: Clamp.Web,         grpc: false, postgres: false, rabbitmq: false }
{{- end -}}

{{/*
The Deployments, as YAML: workload name -> { component, pool, facts, values }. One per service, and for the embedding
service one per enabled pool, whose values are the pool's keys over the service-level ones (a key the pool sets
replaces the service's value as a whole: no deep merge, so a pool's 0, false or [] counts).
*/}}
{{- define "clamp.workloads" -}}
{{- $components := include "clamp.components" . | fromYaml -}}
{{- $out := dict -}}
{{- range $component, $facts := $components -}}
{{- $svc := index $.Values.services $component -}}
{{- if eq $component "embedding" -}}
{{- range $pool, $p := $svc.pools -}}
{{- if $p.enabled -}}
{{- $values := deepCopy $p -}}
{{- range $k, $v := omit $svc "pools" -}}
{{- if not (hasKey $values $k) }}{{ $_ := set $values $k (deepCopy $v) }}{{ end -}}
{{- end -}}
{{- $_ := set $out (printf "embedding-%s" $pool) (dict "component" $component "pool" $pool "facts" $facts "values" $values) -}}
{{- end -}}
{{- end -}}
{{- else -}}
{{- $_ := set $out $component (dict "component" $component "pool" "" "facts" $facts "values" $svc) -}}
{{- end -}}
{{- end -}}
{{- toYaml $out -}}
{{- end -}}

{{/* <release>-<name>. Context: { root, name }. */}}
{{- define "clamp.fullname" -}}{{ .root.Release.Name }}-{{ .name }}{{- end -}}

{{/* Labels of every object. Context: { root, component, pool (optional) }. */}}
{{- define "clamp.labels" -}}
{{ include "clamp.selectorLabels" . }}
app.kubernetes.io/component: {{ .component }}
app.kubernetes.io/part-of: clamp-platform
app.kubernetes.io/version: {{ .root.Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .root.Release.Service }}
helm.sh/chart: {{ .root.Chart.Name }}-{{ .root.Chart.Version }}
{{- end -}}

{{/* The labels a workload's selector matches: its component, the release and, for an embedding pool, the pool. */}}
{{- define "clamp.selectorLabels" -}}
app.kubernetes.io/name: {{ .component }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
{{- with .pool }}
clamp-platform/pool: {{ . }}
{{- end }}
{{- end -}}

{{/* <registry>/<repository>/<project lower case>:<tag>. Context: { root, project, image ({ tag } override) }. */}}
{{- define "clamp.image" -}}
{{- $image := .root.Values.image -}}
{{- with $image.registry }}{{ . }}/{{ end }}{{ $image.repository }}/{{ .project | lower }}:{{ (.image | default dict).tag | default $image.tag }}
{{- end -}}

{{/* How a workload scales: "keda", "hpa" or "" (fixed replicas). Context: { root, values }. */}}
{{- define "clamp.scaler" -}}
{{- $a := .values.autoscaling | default dict -}}
{{- if $a.enabled -}}
{{- if and .root.Values.keda.enabled (eq $a.metric "queue") }}keda{{ else }}hpa{{ end -}}
{{- end -}}
{{- end -}}

{{/* The fewest replicas a workload can have. Context: { root, values }. */}}
{{- define "clamp.replicaFloor" -}}
{{- $scaler := include "clamp.scaler" . -}}
{{- if eq $scaler "keda" }}{{ .values.autoscaling.minReplicas }}
{{- else if eq $scaler "hpa" }}{{ max 1 .values.autoscaling.minReplicas }}
{{- else }}{{ .values.replicas | default 0 }}{{ end -}}
{{- end -}}

{{/* The RabbitMQ host: the bundled Service, or rabbitmq.host. */}}
{{- define "clamp.rabbitmqHost" -}}
{{- if .Values.rabbitmq.bundled.enabled }}{{ include "clamp.fullname" (dict "root" . "name" "rabbitmq") }}{{ else }}{{ .Values.rabbitmq.host }}{{ end -}}
{{- end -}}

{{/* The models volume's claim, or "" when the embedders use the image's models. */}}
{{- define "clamp.modelsClaim" -}}
{{- $m := .Values.models -}}
{{- if $m.existingClaim }}{{ $m.existingClaim }}{{ else if $m.persistence.create }}{{ include "clamp.fullname" (dict "root" . "name" "models") }}{{ end -}}
{{- end -}}

{{/*
Pod-level settings every pod of the chart shares: no service-account token, no service links, the pod security
context (runAsUser/runAsGroup/fsGroup overridden by .user for the bundled PostgreSQL and RabbitMQ), image pull secrets.
Context: { root, user (optional) }.
*/}}
{{- define "clamp.podCommon" -}}
automountServiceAccountToken: false
enableServiceLinks: false
{{- $context := deepCopy .root.Values.podSecurityContext }}
{{- with .user }}
{{- $_ := set $context "runAsUser" . }}
{{- $_ := set $context "runAsGroup" . }}
{{- $_ := set $context "fsGroup" . }}
{{- end }}
securityContext:
  {{- toYamlPretty $context | nindent 2 }}
{{- with .root.Values.image.pullSecrets }}
imagePullSecrets:
  {{- range . }}
  - name: {{ . }}
  {{- end }}
{{- end }}
{{- end -}}

{{/* A container's security context. */}}
{{- define "clamp.containerSecurityContext" -}}
securityContext:
  {{- toYamlPretty .Values.securityContext | nindent 2 }}
{{- end -}}

{{/* Spread of a workload's replicas over the topology keys. Context: { root, component, pool }. */}}
{{- define "clamp.topologySpread" -}}
{{- $spread := .root.Values.topologySpread -}}
{{- if $spread.enabled }}
topologySpreadConstraints:
  {{- range $spread.topologyKeys }}
  - maxSkew: {{ $spread.maxSkew }}
    topologyKey: {{ . }}
    whenUnsatisfiable: {{ $spread.whenUnsatisfiable }}
    labelSelector:
      matchLabels:
        {{- include "clamp.selectorLabels" $ | nindent 8 }}
    matchLabelKeys: [pod-template-hash]
  {{- end }}
{{- end }}
{{- end -}}

{{/* Scheduling keys of a workload's values: runtime class, priority class, node selector, tolerations, affinity. */}}
{{- define "clamp.scheduling" -}}
{{- with .runtimeClassName }}
runtimeClassName: {{ . }}
{{- end }}
{{- with .priorityClassName }}
priorityClassName: {{ . }}
{{- end }}
{{- with .nodeSelector }}
nodeSelector:
  {{- toYamlPretty . | nindent 2 }}
{{- end }}
{{- with .tolerations }}
tolerations:
  {{- toYamlPretty . | nindent 2 }}
{{- end }}
{{- with .affinity }}
affinity:
  {{- toYamlPretty . | nindent 2 }}
{{- end }}
{{- end -}}

{{/*
Values that schemas cannot check, checked when rendering: the query service embeds query texts through the embedding
service, so some pool must keep a replica; training needs its volumes and a version; the ingress needs its TLS Secret.
*/}}
{{- define "clamp.checks" -}}
{{- $floor := 0 -}}
{{- range $name, $w := include "clamp.workloads" . | fromYaml -}}
{{- if eq $w.component "embedding" }}{{ $floor = add $floor (include "clamp.replicaFloor" (dict "root" $ "values" $w.values) | int) }}{{ end -}}
{{- end -}}
{{- if eq (int $floor) 0 -}}
{{- fail "services.embedding: every pool can scale to 0, but the query service embeds each query text through the embedding service: keep one pool (e.g. a CPU pool) at 1 replica or more" -}}
{{- end -}}
{{- if .Values.training.enabled -}}
{{- if not (include "clamp.modelsClaim" .) }}{{ fail "training.enabled needs a models volume: models.existingClaim or models.persistence.create" }}{{ end -}}
{{- if not .Values.training.data.existingClaim }}{{ fail "training.enabled needs training.data.existingClaim (the training corpora)" }}{{ end -}}
{{- if not .Values.training.modelVersion }}{{ fail "training.enabled needs training.modelVersion (a new version for new weights)" }}{{ end -}}
{{- end -}}
{{- if and .Values.ingress.enabled (not .Values.ingress.tlsSecret) -}}
{{- fail "ingress.enabled needs ingress.tlsSecret (gRPC through an ingress needs TLS)" -}}
{{- end -}}
{{- end -}}

{{/*
A service's keys (auth): the API keys for the public APIs (ingest, query), the service key for the internal gRPC
services and their caller (embedding, vector store, query), the management key (optional in the Secret) for all.
Context: { root, component }.
*/}}
{{- define "clamp.authEnv" -}}
{{- $auth := .root.Values.auth -}}
{{- if has .component (list "ingest" "query") }}
{{- range $i, $key := $auth.apiKeys }}
- name: Auth__ApiKeys__{{ $i }}__Key
  valueFrom: { secretKeyRef: { name: {{ $auth.existingSecret }}, key: {{ $key.secretKey }} } }
- { name: Auth__ApiKeys__{{ $i }}__Tenant, value: {{ $key.tenant | quote }} }
- { name: Auth__ApiKeys__{{ $i }}__Admin, value: {{ $key.admin | default false | quote }} }
{{- end }}
{{- range $i, $tenant := $auth.sharedTenants }}
- { name: Auth__SharedTenants__{{ $i }}, value: {{ $tenant | quote }} }
{{- end }}
{{- end }}
{{- if has .component (list "embedding" "vectorstore" "query") }}
- name: Auth__ServiceKey
  valueFrom: { secretKeyRef: { name: {{ $auth.existingSecret }}, key: service-key } }
{{- end }}
- name: Auth__ManagementKey
  valueFrom: { secretKeyRef: { name: {{ $auth.existingSecret }}, key: management-key, optional: true } }
{{- end -}}

{{/*
A service's environment: its Kestrel endpoints, the PostgreSQL and RabbitMQ settings it uses (from the Secrets),
OTLP, and what the service itself needs. Context: { root, component, facts, values }.
*/}}
{{- define "clamp.env" -}}
{{- $root := .root -}}
{{- $values := $root.Values -}}
- { name: Kestrel__Endpoints__Http__Url, value: "http://0.0.0.0:{{ $values.ports.http }}" }
- { name: Kestrel__Endpoints__Http__Protocols, value: Http1 }
{{- if .facts.grpc }}
- { name: Kestrel__Endpoints__Grpc__Url, value: "http://0.0.0.0:{{ $values.ports.grpc }}" }
- { name: Kestrel__Endpoints__Grpc__Protocols, value: Http2 }
{{- end }}
- { name: TMPDIR, value: /tmp }
{{- if .facts.postgres }}
- name: ConnectionStrings__Postgres
  valueFrom: { secretKeyRef: { name: {{ $values.postgres.existingSecret }}, key: connection-string } }
{{- end }}
{{- if .facts.rabbitmq }}
- { name: RabbitMq__Host, value: {{ include "clamp.rabbitmqHost" $root | quote }} }
- { name: RabbitMq__Port, value: {{ $values.rabbitmq.port | quote }} }
- { name: RabbitMq__VirtualHost, value: {{ $values.rabbitmq.virtualHost | quote }} }
- { name: RabbitMq__DeliveryLimit, value: {{ $values.rabbitmq.deliveryLimit | quote }} }
- name: RabbitMq__Username
  valueFrom: { secretKeyRef: { name: {{ $values.rabbitmq.existingSecret }}, key: username } }
- name: RabbitMq__Password
  valueFrom: { secretKeyRef: { name: {{ $values.rabbitmq.existingSecret }}, key: password } }
{{- end }}
{{- with $values.otlpEndpoint }}
- { name: OTEL_EXPORTER_OTLP_ENDPOINT, value: {{ . | quote }} }
{{- end }}
{{- if eq .component "embedding" }}
- { name: Embedding__ModelsPath, value: {{ $values.models.path | quote }} }
{{- with .values.modelVersion }}
- { name: Embedding__DefaultVersion, value: {{ . | quote }} }
{{- end }}
{{- range $key, $value := .values.settings }}
- { name: Embedding__{{ $key }}, value: {{ kindIs "float64" $value | ternary (int64 $value) $value | quote }} }
{{- end }}
{{- if .values.gpu }}
- { name: CUDA_CACHE_PATH, value: /tmp/cuda-cache }
{{- end }}
{{- end }}
{{- if eq .component "query" }}
- { name: Query__EmbedderAddress, value: "http://{{ include "clamp.fullname" (dict "root" $root "name" "embedding") }}:{{ $values.ports.grpc }}" }
- { name: Query__VectorStoreAddress, value: "http://{{ include "clamp.fullname" (dict "root" $root "name" "vectorstore") }}:{{ $values.ports.grpc }}" }
{{- end }}
{{- if eq .component "web" }}
- { name: Web__IngestAddress, value: "http://{{ include "clamp.fullname" (dict "root" $root "name" "ingest") }}:{{ $values.ports.http }}" }
- { name: Web__QueryAddress, value: "http://{{ include "clamp.fullname" (dict "root" $root "name" "query") }}:{{ $values.ports.grpc }}" }
{{- end }}
{{- include "clamp.authEnv" . }}
{{- with .values.extraEnv }}
{{ toYamlPretty . }}
{{- end }}
{{- end -}}
