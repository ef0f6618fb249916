# One image per service: docker build --build-arg PROJECT=Clamp.Query -t clamp/clamp.query .
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
ARG PROJECT
WORKDIR /src
COPY . .
RUN dotnet publish "services/${PROJECT}/${PROJECT}.csproj" -c Release -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0
ARG PROJECT
ENV SERVICE_DLL=${PROJECT}.dll
WORKDIR /app
COPY --from=build /app .
COPY models /models
USER app
ENTRYPOINT ["sh", "-c", "exec dotnet \"$SERVICE_DLL\""]
