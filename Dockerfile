# syntax=docker/dockerfile:1
# Build with the SDK, run as a non-root user. The tests are CI's job (.ci/run), not the image's. Two images:
#   docker build -t devops90-bot .                 the default: a Native AOT executable on runtime-deps (no .NET
#                                                  runtime in the image; a lighter, quicker process, bench/README.md)
#   docker build --target jit -t devops90-bot .    the IL + ReadyToRun build on the ASP.NET runtime (quicker to build)
#   docker run --rm -v devops90-data:/data devops90-bot
# Base images pinned to exact releases (the SDK and runtime this repository is built and tested with), so a rebuild
# gives the same bits; move them together, on purpose.
FROM mcr.microsoft.com/dotnet/sdk:10.0.401-noble AS sources
WORKDIR /src
# Restore first, from the build files alone, so source edits reuse the cached packages layer.
COPY global.json Directory.Build.props Directory.Packages.props BannedSymbols.txt .editorconfig ./
COPY src/DevOps90.Bot.Core/DevOps90.Bot.Core.csproj src/DevOps90.Bot.Core/
COPY src/DevOps90.Bot.Content/DevOps90.Bot.Content.csproj src/DevOps90.Bot.Content/
COPY src/DevOps90.Bot.Storage/DevOps90.Bot.Storage.csproj src/DevOps90.Bot.Storage/
COPY src/DevOps90.Bot.Discord/DevOps90.Bot.Discord.csproj src/DevOps90.Bot.Discord/
COPY src/DevOps90.Bot.Slack/DevOps90.Bot.Slack.csproj src/DevOps90.Bot.Slack/
COPY src/DevOps90.Bot.Reports/DevOps90.Bot.Reports.csproj src/DevOps90.Bot.Reports/
COPY src/DevOps90.Bot.Web/DevOps90.Bot.Web.csproj src/DevOps90.Bot.Web/
COPY src/DevOps90.Bot/DevOps90.Bot.csproj src/DevOps90.Bot/

FROM sources AS build-jit
ARG TARGETARCH
RUN dotnet restore src/DevOps90.Bot/DevOps90.Bot.csproj -a "${TARGETARCH:-amd64}"
COPY config/ config/
COPY content/ content/
COPY src/ src/
# For the image's own architecture only (BuildKit sets TARGETARCH: amd64, arm64): without it the output carries
# SkiaSharp's native libraries for every platform, 212 MB instead of 23 MB. A platform also turns on ReadyToRun
# (DevOps90.Bot.csproj; its compiler package comes with the restore above): a start with a third of the JIT work.
RUN dotnet publish src/DevOps90.Bot/DevOps90.Bot.csproj -c Release -a "${TARGETARCH:-amd64}" --self-contained false --no-restore -o /app

FROM sources AS build-native
# The native compiler links with a C toolchain (clang) and needs zlib's headers.
RUN apt-get update \
    && apt-get install -y --no-install-recommends clang zlib1g-dev \
    && rm -rf /var/lib/apt/lists/*
ARG TARGETARCH
RUN dotnet restore src/DevOps90.Bot/DevOps90.Bot.csproj -a "${TARGETARCH:-amd64}" -p:PublishAot=true
COPY config/ config/
COPY content/ content/
COPY src/ src/
# Native AOT (bench/aot-publish.sh does the same outside Docker): the executable, config/ and content/, SkiaSharp's
# native library; built on the image's own architecture (under emulation for the other one), 15-50 minutes.
RUN dotnet publish src/DevOps90.Bot/DevOps90.Bot.csproj -c Release -a "${TARGETARCH:-amd64}" -p:PublishAot=true --no-restore -o /app

# What both images share: runtime-deps carries the native dependencies (ICU, OpenSSL) and the non-root user "app".
FROM mcr.microsoft.com/dotnet/runtime-deps:10.0.12-noble AS runtime
WORKDIR /app
# Fonts for the participation charts' text. SkiaSharp's Linux asset without dependencies (the one ScottPlot brings)
# reads fonts straight from /usr/share/fonts, without fontconfig; with no font there, charts are drawn without text.
# DejaVu writes the Latin-script languages; WenQuanYi Micro Hei (about 5 MB) has the Chinese, Japanese and Korean letters.
RUN apt-get update \
    && apt-get install -y --no-install-recommends fonts-dejavu-core fonts-wqy-microhei \
    && rm -rf /var/lib/apt/lists/*
# The bot's state lives in /data, a volume, so a new image keeps it.
RUN mkdir -p /data && chown app:app /data
ENV DOTNET_ENVIRONMENT=Production \
    Urls=http://+:8080 \
    Storage__DataDirectory=/data
VOLUME ["/data"]
EXPOSE 8080
# SIGTERM (docker stop, Kubernetes) stops the host gracefully: posts and replies in flight finish within the
# shutdown timeout; give the container at least as long (docker stop -t 35, terminationGracePeriodSeconds: 35).
STOPSIGNAL SIGTERM
ENV HostOptions__ShutdownTimeout=00:00:30
# Ready means the database, the content, the scheduler and the platform connections (/healthz/ready); the runtime
# image has no curl, so the bot's own verb asks (in each image below). The start period covers migrations and the
# first content load.

# The IL + ReadyToRun image: the shared .NET and ASP.NET Core runtimes taken from the ASP.NET image of the same release.
FROM runtime AS jit
COPY --from=mcr.microsoft.com/dotnet/aspnet:10.0.12-noble /usr/share/dotnet /usr/share/dotnet
RUN ln -s /usr/share/dotnet/dotnet /usr/bin/dotnet
COPY --from=build-jit /app ./
USER app
HEALTHCHECK --interval=30s --timeout=10s --start-period=60s --retries=3 \
    CMD ["dotnet", "DevOps90.Bot.dll", "health", "--url", "http://127.0.0.1:8080/healthz/ready"]
ENTRYPOINT ["dotnet", "DevOps90.Bot.dll"]

# The default image (the last stage): the native executable needs no .NET runtime.
FROM runtime AS native
COPY --from=build-native /app ./
USER app
HEALTHCHECK --interval=30s --timeout=10s --start-period=60s --retries=3 \
    CMD ["/app/DevOps90.Bot", "health", "--url", "http://127.0.0.1:8080/healthz/ready"]
ENTRYPOINT ["/app/DevOps90.Bot"]
