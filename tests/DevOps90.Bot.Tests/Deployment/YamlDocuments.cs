using System.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace DevOps90.Bot.Tests.Deployment;

/// <summary>Reads deployment YAML (one or several documents) into YamlDotNet's node tree, and runs kubectl kustomize when it is installed.</summary>
internal static class YamlDocuments
{
    public static IReadOnlyList<YamlMappingNode> Parse(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return [.. stream.Documents.Select(document => document.RootNode).OfType<YamlMappingNode>()];
    }

    public static YamlMappingNode File(string path) => Parse(System.IO.File.ReadAllText(path)).Single();

    /// <summary>The value at a path of keys and list indexes ("spec", "template", 0 …), or null.</summary>
    public static YamlNode? At(this YamlNode node, params object[] path)
    {
        YamlNode? current = node;
        foreach (var step in path)
        {
            current = (current, step) switch
            {
                (YamlMappingNode map, string key) => map.Children.TryGetValue(new YamlScalarNode(key), out var child) ? child : null,
                (YamlSequenceNode list, int index) => index < list.Children.Count ? list.Children[index] : null,
                _ => null,
            };
        }

        return current;
    }

    public static string? Text(this YamlNode node, params object[] path) => (node.At(path) as YamlScalarNode)?.Value;

    public static IReadOnlyDictionary<string, string> Labels(this YamlNode node, params object[] path) =>
        node.At(path) is YamlMappingNode map
            ? map.Children.ToDictionary(pair => ((YamlScalarNode)pair.Key).Value!, pair => ((YamlScalarNode)pair.Value).Value!)
            : new Dictionary<string, string>();

    /// <summary>`kubectl kustomize FOLDER`'s output, or null when kubectl is not installed.</summary>
    public static string? Kustomize(string folder)
    {
        var start = new ProcessStartInfo("kubectl") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("kustomize");
        start.ArgumentList.Add(folder);
        try
        {
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEnd();
            process.WaitForExit();
            return process.ExitCode == 0 ? output.Result : throw new InvalidOperationException($"kubectl kustomize {folder} failed: {error}");
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}
