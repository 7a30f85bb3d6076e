using DevOps90.Bot.Testing;
using YamlDotNet.RepresentationModel;

namespace DevOps90.Bot.Tests.Deployment;

/// <summary>
/// What can be checked of the Dockerfile and compose.yaml without a Docker engine: pinned base images, no tests in the
/// image build, a non-root user, a health check through the bot's own verb, and compose secrets that exist and land
/// where the bot reads them.
/// </summary>
public sealed class ContainerFilesTests
{
    private static readonly string[] Dockerfile = File.ReadAllLines(Path.Combine(RepositoryPaths.Root, "Dockerfile"));

    [Fact]
    public void Dockerfile_BaseImages_ArePinnedToExactReleases()
    {
        // Stages built on an earlier stage ("FROM sources AS build-jit") name no image; the jit image copies the
        // runtimes out of the ASP.NET image ("COPY --from=IMAGE").
        var images = Dockerfile.Where(line => line.StartsWith("FROM ", StringComparison.Ordinal)).Select(line => line.Split(' ')[1])
            .Concat(Dockerfile.Where(line => line.StartsWith("COPY --from=", StringComparison.Ordinal)).Select(line => line.Split(' ')[1]["--from=".Length..]))
            .Where(image => image.Contains('/', StringComparison.Ordinal)).Distinct().ToList();

        // The SDK, the ASP.NET runtime (the jit image's runtimes) and runtime-deps (both images' base).
        Assert.Equal(3, images.Count);
        // "10.0" or "latest" would move under the image; an exact release (10.0.12-noble) does not.
        Assert.All(images, image => Assert.Matches(@":\d+\.\d+\.\d+-[a-z]+$", image));
    }

    [Fact]
    public void Dockerfile_DoesNotRunTheTests_RunsAsNonRoot_AndChecksReadinessWithTheHealthVerb()
    {
        Assert.DoesNotContain(Dockerfile, line => line.Contains("dotnet test", StringComparison.Ordinal));
        Assert.Contains("USER app", Dockerfile);
        Assert.Contains("EXPOSE 8080", Dockerfile);
        // Both images (jit, and native, the default) check themselves.
        var checks = Dockerfile.Select((line, index) => (line, index)).Where(entry => entry.line.StartsWith("HEALTHCHECK", StringComparison.Ordinal))
            .Select(entry => Dockerfile[entry.index + 1]).ToList();
        Assert.Equal(2, checks.Count);
        Assert.All(checks, line => Assert.True(line.Contains("\"health\"", StringComparison.Ordinal) && line.Contains(DevOps90.Bot.Cli.HealthCommand.DefaultUrl, StringComparison.Ordinal), line));
        Assert.Equal("native", Dockerfile.Last(line => line.StartsWith("FROM ", StringComparison.Ordinal)).Split(' ')[^1]);
    }

    [Fact]
    public void Dockerfile_RestoreLayer_CopiesEveryProjectOfTheBot()
    {
        // A project missing here fails the image's restore (the build files are copied before the sources).
        var projects = Directory.GetFiles(Path.Combine(RepositoryPaths.Root, "src"), "*.csproj", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(RepositoryPaths.Root, path).Replace('\\', '/'));

        Assert.All(projects, project => Assert.Contains(Dockerfile, line => line.StartsWith($"COPY {project} ", StringComparison.Ordinal)));
    }

    [Fact]
    public void Dockerfile_NativeBuild_HasItsLinkerAndZlib()
    {
        var native = Dockerfile.SkipWhile(line => !line.EndsWith("AS build-native", StringComparison.Ordinal)).TakeWhile(line => !line.EndsWith("AS jit", StringComparison.Ordinal)).ToList();

        Assert.Contains(native, line => line.Contains("clang zlib1g-dev", StringComparison.Ordinal));
        Assert.Contains(native, line => line.Contains("dotnet publish", StringComparison.Ordinal) && line.Contains("-p:PublishAot=true", StringComparison.Ordinal));
    }

    [Fact]
    public void Compose_EveryServiceSecret_IsDefined_AndBotSecretsAreNamedLikeSettings()
    {
        var compose = YamlDocuments.File(Path.Combine(RepositoryPaths.Root, "config", "deploy", "compose.yaml"));
        var defined = ((YamlMappingNode)compose.At("secrets")!).Children.Keys.Select(key => ((YamlScalarNode)key).Value!).ToHashSet();
        var services = (YamlMappingNode)compose.At("services")!;

        foreach (var (nameNode, service) in services.Children)
        {
            var name = ((YamlScalarNode)nameNode).Value!;
            foreach (var secret in (service.At("secrets") as YamlSequenceNode)?.Children ?? [])
            {
                var source = secret is YamlScalarNode plain ? plain.Value! : secret.Text("source")!;
                Assert.Contains(source, defined);
                if (name.StartsWith("bot", StringComparison.Ordinal))
                {
                    // The bot reads /run/secrets/<Section>__<Key>: the target must be a setting's name.
                    Assert.Matches(@"^[A-Z][A-Za-z]+__[A-Z][A-Za-z]+$", secret.Text("target"));
                }
            }
        }

        Assert.Equal("postgres", services.Text("bot", "profiles", 0));
        Assert.Equal("Postgres", services.Text("bot", "environment", "Storage__Provider"));
        Assert.Equal("service_healthy", services.Text("bot", "depends_on", "postgres", "condition"));
        Assert.Equal("sqlite", services.Text("bot-sqlite", "profiles", 0));
        Assert.Equal("bot-data:/data", services.Text("bot-sqlite", "volumes", 0));
    }
}
