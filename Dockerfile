# One image per service: docker build --build-arg PROJECT=Clamp.Query -t clamp/clamp.query .
# The GPU embedder needs CUDA 13 (runtime, cuBLAS, cuRAND) and cuDNN 9 beside the ASP.NET Core 10 runtime: build it
# with --build-arg RUNTIME_IMAGE=<an image holding all three, with a user named app>; without them the service runs
# on the CPU and says why in its log and /health (docs/embedding.md).
ARG RUNTIME_IMAGE=mcr.microsoft.com/dotnet/aspnet:10.0
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
ARG PROJECT
WORKDIR /src
COPY . .
RUN dotnet publish "services/${PROJECT}/${PROJECT}.csproj" -c Release -o /app

FROM ${RUNTIME_IMAGE}
ARG PROJECT
ENV SERVICE_DLL=${PROJECT}.dll
WORKDIR /app
COPY --from=build /app .
COPY models /models
USER app
ENTRYPOINT ["sh", "-c", "exec dotnet \"$SERVICE_DLL\""]
