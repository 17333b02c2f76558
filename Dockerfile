# NewsDesk worker image. Base images are build arguments so that builds without a registry can substitute
# local stand-ins (see .ci/container-test).
# VERSION is required and comes from the one version source, Directory.Build.props:
#   docker build --build-arg VERSION=$(dotnet msbuild src/NewsDesk -getProperty:Version) -t newsdesk .
# It is both stamped into the assemblies and put on the image label, so the two cannot disagree.
ARG SDK_IMAGE=mcr.microsoft.com/dotnet/sdk:10.0
ARG BASE_IMAGE=mcr.microsoft.com/dotnet/aspnet:10.0
ARG VERSION=

FROM ${SDK_IMAGE} AS build
# ReadyToRun code for this platform: the worker starts and runs its first polls and digest without waiting for the JIT
# (a cold digest of 5,000 articles: 3.3 s JIT-compiled, 2.2 s ReadyToRun; docs/benchmarks/performance.md).
ARG RID=linux-x64
ARG VERSION
RUN if [ -z "$VERSION" ]; then echo "build with --build-arg VERSION=\$(dotnet msbuild src/NewsDesk -getProperty:Version)" >&2; exit 1; fi
WORKDIR /src
# Restore first, from the project files only, so the package layer is cached across source changes.
COPY Directory.Build.props Directory.Packages.props global.json .editorconfig NewsDesk.sln ./
COPY src/NewsDesk.Pipeline/NewsDesk.Pipeline.csproj src/NewsDesk.Pipeline/
COPY src/NewsDesk/NewsDesk.csproj src/NewsDesk/
RUN dotnet restore src/NewsDesk/NewsDesk.csproj -r ${RID} -p:PublishReadyToRun=true -p:Version=${VERSION}
# .dockerignore keeps a host build's bin/ and obj/ out of this copy: their restore output would replace the one above.
COPY src/ src/
# The publish output carries samples/ (the demo's feeds and pages), as the .NET tool does.
COPY samples/ samples/
RUN dotnet publish src/NewsDesk/NewsDesk.csproj -c Release -o /app --no-restore -r ${RID} --self-contained false \
    -p:PublishReadyToRun=true -p:UseAppHost=false -p:Version=${VERSION}
# The /data volume's folders, made here and copied with their owner below: the runtime stage runs no shell commands,
# so a base image without a shell (Microsoft's chiseled images) works as well as the default one.
RUN mkdir -p /data/out

FROM ${BASE_IMAGE} AS runtime
ARG VERSION
LABEL org.opencontainers.image.title="NewsDesk" \
      org.opencontainers.image.version="${VERSION}" \
      org.opencontainers.image.licenses="MIT"
WORKDIR /app
COPY --from=build /app ./
COPY feeds.json ./feeds.json
# The store and digests live on the /data volume, owned by the non-root app user (APP_UID, 1654 in Microsoft's images);
# the image itself holds nothing that changes.
COPY --from=build --chown=${APP_UID:-1654} /data /data
ENV NewsDesk__Storage__Path=/data/newsdesk.db \
    NewsDesk__FeedsFile=/app/feeds.json \
    NewsDesk__Digest__OutputFolder=/data/out \
    ASPNETCORE_HTTP_PORTS=8080 \
    DOTNET_CLI_TELEMETRY_OPTOUT=1
VOLUME /data
EXPOSE 8080
USER ${APP_UID:-1654}
HEALTHCHECK --interval=30s --timeout=10s --start-period=30s --retries=3 CMD ["dotnet", "/app/NewsDesk.dll", "healthcheck"]
# SIGTERM reaches dotnet directly (exec form), so the worker shuts down gracefully.
ENTRYPOINT ["dotnet", "/app/NewsDesk.dll"]
CMD ["run"]
