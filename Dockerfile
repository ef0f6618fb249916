# One Dockerfile builds every image of the platform, one image per project of services/ (--build-arg PROJECT):
#   the services (target "service", the default; with a HEALTHCHECK on /health):
#     docker build --build-arg PROJECT=Clamp.Query -t clamp/clamp.query:0.1.0 .
#     (Clamp.Ingest, Clamp.Patching, Clamp.Embedding, Clamp.VectorStore, Clamp.Query, Clamp.Web)
#   the CLI and the training job (target "tool": they run to completion, so no health check):
#     docker build --target tool --build-arg PROJECT=Clamp.Cli -t clamp/clamp.cli:0.1.0 .
#     docker build --target tool --build-arg PROJECT=Clamp.Training -t clamp/clamp.training:0.1.0 .
# One file rather than one per service: every project builds the same way (dotnet publish of services/<PROJECT>) and
# the images differ only in what is published, so one recipe keeps them alike; each image holds its own project only.
# The GPU embedder needs CUDA 13 (runtime, cuBLAS, cuRAND) and cuDNN 9 beside the ASP.NET Core 10 runtime: build it
# with --build-arg RUNTIME_IMAGE=<an image holding all three> (and tag it apart, e.g. 0.1.0-cuda); without them the
# service runs on the CPU and says why in its log and /health (docs/embedding.md).
# Every image runs as the non-root user 1654 (the .NET images' "app"; numeric, so Kubernetes can verify runAsNonRoot)
# and needs only /tmp to be writable.
ARG RUNTIME_IMAGE=mcr.microsoft.com/dotnet/aspnet:10.0

# The web page's browser libraries (abcjs), pinned by services/Clamp.Web/package-lock.json: installed with npm here,
# since the SDK image has no Node.js, and published by Clamp.Web only (its WebPackages.targets).
FROM node:22-bookworm-slim AS web-packages
WORKDIR /web
COPY services/Clamp.Web/package.json services/Clamp.Web/package-lock.json ./
RUN npm ci --no-audit --no-fund --loglevel=error

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
ARG PROJECT
WORKDIR /src
COPY Directory.Build.props Directory.Packages.props ./
COPY shared/ shared/
COPY services/ services/
# Outputs of a local build must not reach this one (their restore files name the host's paths).
RUN find shared services -type d \( -name bin -o -name obj \) -prune -exec rm -rf {} +
COPY --from=web-packages /web/node_modules/ services/Clamp.Web/node_modules/
RUN test -f "services/${PROJECT}/${PROJECT}.csproj" \
    || { echo "--build-arg PROJECT=<a project under services/, e.g. Clamp.Query> is required" >&2; exit 1; }
RUN dotnet publish "services/${PROJECT}/${PROJECT}.csproj" -c Release -o /app -p:WebPackagesInstalled=true \
    && printf '#!/bin/sh\nexec dotnet /app/%s.dll "$@"\n' \
       "$(dotnet msbuild "services/${PROJECT}/${PROJECT}.csproj" -getProperty:AssemblyName)" > /app/entrypoint \
    && chmod 755 /app/entrypoint
# The services' health check: GET /health on the HTTP endpoint (Kestrel__Endpoints__Http__Url) with bash alone,
# since the runtime image has no curl.
RUN printf '%s\n' \
      '#!/bin/bash' \
      'url="${Kestrel__Endpoints__Http__Url:-http://127.0.0.1:8080}"; port="${url##*:}"; port="${port%%/*}"' \
      'exec 3<>"/dev/tcp/127.0.0.1/${port}" || exit 1' \
      "printf 'GET /health HTTP/1.0\\r\\nHost: localhost\\r\\n\\r\\n' >&3" \
      'read -r -t 5 _ status _ <&3 && [ "$status" = 200 ]' \
      > /app/healthcheck \
    && chmod 755 /app/healthcheck

FROM ${RUNTIME_IMAGE} AS tool
WORKDIR /app
COPY --from=build /app/ ./
# The bundled default model: what the embedder serves when no models volume is mounted over /models.
COPY models/ /models/
USER 1654
ENTRYPOINT ["/app/entrypoint"]

FROM tool AS service
ENV Kestrel__Endpoints__Http__Url=http://+:8080 \
    Kestrel__Endpoints__Http__Protocols=Http1
EXPOSE 8080 8081
HEALTHCHECK --interval=10s --timeout=6s --start-period=120s --retries=3 CMD ["/app/healthcheck"]
