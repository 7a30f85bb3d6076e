using DevOps90.Bot.Testing;
using YamlDotNet.RepresentationModel;

namespace DevOps90.Bot.Tests.Deployment;

/// <summary>
/// The Kubernetes manifests (config/deploy/kubernetes) hang together and match the bot: the probes are the bot's
/// health addresses, the port is the image's, the selectors select the pods, the secret is mounted where the bot reads
/// secret files. The overlay is rendered with kubectl kustomize where kubectl is installed.
/// </summary>
public sealed class KubernetesManifestTests
{
    private static readonly string Base = Path.Combine(RepositoryPaths.Root, "config", "deploy", "kubernetes", "base");
    private static readonly string Production = Path.Combine(RepositoryPaths.Root, "config", "deploy", "kubernetes", "overlays", "production");

    [Fact]
    public void Base_EveryResourceListed_ExistsAndParses()
    {
        var kustomization = YamlDocuments.File(Path.Combine(Base, "kustomization.yaml"));
        var resources = ((YamlSequenceNode)kustomization.At("resources")!).Children.Select(node => ((YamlScalarNode)node).Value!).ToList();

        Assert.Equal(["configmap.yaml", "deployment.yaml", "poddisruptionbudget.yaml", "service.yaml"], resources.Order());
        Assert.All(resources, resource => Assert.NotNull(YamlDocuments.File(Path.Combine(Base, resource)).Text("kind")));
    }

    [Fact]
    public void Base_Deployment_ProbesTheBotsHealthAddresses_OnTheImagesPort_WithTheSecretAsFiles()
    {
        CheckDeployment(Resources(Base), expectedReplicas: 2);
    }

    [SkippableFact]
    public void ProductionOverlay_RenderedByKustomize_HasThreePinnedReplicasInItsNamespace()
    {
        var rendered = YamlDocuments.Kustomize(Production);
        Skip.If(rendered is null, "kubectl is not installed here: the overlay is not rendered (the base is still checked)");
        var resources = YamlDocuments.Parse(rendered!);

        var deployment = CheckDeployment(resources, expectedReplicas: 3);
        Assert.Equal("ghcr.io/example/devops90-bot:1.0.0", deployment.Text("spec", "template", "spec", "containers", 0, "image"));
        Assert.Equal("384Mi", deployment.Text("spec", "template", "spec", "containers", 0, "resources", "limits", "memory"));
        Assert.All(resources, resource => Assert.Equal("devops90", resource.Text("metadata", "namespace")));
    }

    private static List<YamlMappingNode> Resources(string folder) =>
        [.. Directory.EnumerateFiles(folder, "*.yaml").Where(path => Path.GetFileName(path) != "kustomization.yaml").Select(YamlDocuments.File)];

    private static YamlMappingNode CheckDeployment(IReadOnlyList<YamlMappingNode> resources, int expectedReplicas)
    {
        var deployment = resources.Single(resource => resource.Text("kind") == "Deployment");
        var service = resources.Single(resource => resource.Text("kind") == "Service");
        var budget = resources.Single(resource => resource.Text("kind") == "PodDisruptionBudget");
        var settings = resources.Single(resource => resource.Text("kind") == "ConfigMap");
        var pod = deployment.At("spec", "template")!;
        var container = pod.At("spec", "containers", 0)!;
        var podLabels = pod.Labels("metadata", "labels");

        Assert.Equal(expectedReplicas.ToString(System.Globalization.CultureInfo.InvariantCulture), deployment.Text("spec", "replicas"));
        Assert.NotEmpty(podLabels);
        foreach (var selector in new[] { deployment.Labels("spec", "selector", "matchLabels"), service.Labels("spec", "selector"), budget.Labels("spec", "selector", "matchLabels") })
        {
            Assert.NotEmpty(selector);
            Assert.All(selector, pair => Assert.Equal(pair.Value, podLabels.GetValueOrDefault(pair.Key)));
        }

        Assert.Equal("8080", container.Text("ports", 0, "containerPort"));
        Assert.Equal(new Uri(DevOps90.Bot.Cli.HealthCommand.DefaultUrl).AbsolutePath, container.Text("readinessProbe", "httpGet", "path"));
        Assert.Equal("/healthz/ready", container.Text("startupProbe", "httpGet", "path"));
        Assert.Equal("/healthz/live", container.Text("livenessProbe", "httpGet", "path"));
        Assert.Equal(BotConfiguration.DefaultSecretsDirectory, container.Text("volumeMounts", 0, "mountPath"));
        Assert.Equal("devops90-bot-secrets", pod.Text("spec", "volumes", 0, "secret", "secretName"));
        Assert.Equal(settings.Text("metadata", "name"), container.Text("envFrom", 0, "configMapRef", "name"));
        Assert.Equal("Postgres", settings.Text("data", "Storage__Provider"));
        Assert.Equal("true", pod.Text("spec", "securityContext", "runAsNonRoot"));
        Assert.True(int.Parse(pod.Text("spec", "terminationGracePeriodSeconds")!, System.Globalization.CultureInfo.InvariantCulture) > 30);
        Assert.Equal("1", budget.Text("spec", "minAvailable"));
        return deployment;
    }
}
