{{- define "clamp.fullname" -}}{{ .Release.Name }}-{{ .name }}{{- end -}}

{{- define "clamp.labels" -}}
app.kubernetes.io/name: {{ .name }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/part-of: clamp-platform
app.kubernetes.io/version: {{ .root.Chart.AppVersion | quote }}
{{- end -}}

{{- define "clamp.image" -}}
{{- $registry := .root.Values.image.registry -}}
{{- if $registry }}{{ $registry }}/{{ end }}clamp/{{ .svc.project | lower }}:{{ .root.Values.image.tag }}
{{- end -}}
