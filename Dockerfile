# syntax=docker/dockerfile:1
# Build and test with the SDK, run on the ASP.NET runtime as a non-root user.
#   docker build -t devops90-bot .
#   docker run --rm -v devops90-data:/data devops90-bot
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src

# Restore first, from the build files alone, so source edits reuse the cached packages layer.
COPY global.json Directory.Build.props Directory.Packages.props BannedSymbols.txt .editorconfig DevOps90.Bot.sln ./
COPY src/DevOps90.Bot.Core/DevOps90.Bot.Core.csproj src/DevOps90.Bot.Core/
COPY src/DevOps90.Bot.Content/DevOps90.Bot.Content.csproj src/DevOps90.Bot.Content/
COPY src/DevOps90.Bot.Storage/DevOps90.Bot.Storage.csproj src/DevOps90.Bot.Storage/
COPY src/DevOps90.Bot.Discord/DevOps90.Bot.Discord.csproj src/DevOps90.Bot.Discord/
COPY src/DevOps90.Bot.Slack/DevOps90.Bot.Slack.csproj src/DevOps90.Bot.Slack/
COPY src/DevOps90.Bot.Reports/DevOps90.Bot.Reports.csproj src/DevOps90.Bot.Reports/
COPY src/DevOps90.Bot/DevOps90.Bot.csproj src/DevOps90.Bot/
COPY tests/Directory.Build.props tests/
COPY tests/DevOps90.Bot.Testing/DevOps90.Bot.Testing.csproj tests/DevOps90.Bot.Testing/
COPY tests/DevOps90.Bot.Core.Tests/DevOps90.Bot.Core.Tests.csproj tests/DevOps90.Bot.Core.Tests/
COPY tests/DevOps90.Bot.Content.Tests/DevOps90.Bot.Content.Tests.csproj tests/DevOps90.Bot.Content.Tests/
COPY tests/DevOps90.Bot.Storage.Tests/DevOps90.Bot.Storage.Tests.csproj tests/DevOps90.Bot.Storage.Tests/
COPY tests/DevOps90.Bot.Discord.Tests/DevOps90.Bot.Discord.Tests.csproj tests/DevOps90.Bot.Discord.Tests/
COPY tests/DevOps90.Bot.Slack.Tests/DevOps90.Bot.Slack.Tests.csproj tests/DevOps90.Bot.Slack.Tests/
COPY tests/DevOps90.Bot.Reports.Tests/DevOps90.Bot.Reports.Tests.csproj tests/DevOps90.Bot.Reports.Tests/
COPY tests/DevOps90.Bot.Tests/DevOps90.Bot.Tests.csproj tests/DevOps90.Bot.Tests/
RUN dotnet restore DevOps90.Bot.sln

COPY config/ config/
COPY content/ content/
COPY src/ src/
COPY tests/ tests/
# The conformance tests skip here (no shared reference folder in the image); everything else must pass.
RUN dotnet test DevOps90.Bot.sln -c Release --no-restore
# For the image's own architecture only (BuildKit sets TARGETARCH: amd64, arm64): without it the output carries
# SkiaSharp's native libraries for every platform, 212 MB instead of 23 MB.
ARG TARGETARCH
RUN dotnet publish src/DevOps90.Bot/DevOps90.Bot.csproj -c Release -a "${TARGETARCH:-amd64}" --self-contained false -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
# Fonts for the participation charts' text. SkiaSharp's Linux asset without dependencies (the one ScottPlot brings)
# reads fonts straight from /usr/share/fonts, without fontconfig; with no font there, charts are drawn without text.
# DejaVu writes the Latin-script languages; WenQuanYi Micro Hei (about 5 MB) has the Chinese, Japanese and Korean letters.
RUN apt-get update \
    && apt-get install -y --no-install-recommends fonts-dejavu-core fonts-wqy-microhei \
    && rm -rf /var/lib/apt/lists/*
# The bot's state lives in /data, a volume, so a new image keeps it; "app" is the image's built-in non-root user.
RUN mkdir -p /data && chown app:app /data
COPY --from=build /app ./
USER app
ENV DOTNET_ENVIRONMENT=Production \
    Urls=http://+:8080 \
    Storage__DataDirectory=/data
VOLUME ["/data"]
EXPOSE 8080
ENTRYPOINT ["dotnet", "DevOps90.Bot.dll"]
