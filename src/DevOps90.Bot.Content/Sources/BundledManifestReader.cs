using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace DevOps90.Bot.Content.Sources;

/// <summary>
/// Reads a curriculum.yaml into a <see cref="BundledManifest"/> from YamlDotNet's node tree, key by key. YamlDotNet's
/// object deserializer would do it by reflection over the class, which a Native AOT build cannot run. Keys are the
/// properties' names in snake_case (<c>default_language</c>); unknown keys are ignored; a value of the wrong shape
/// throws a <see cref="YamlException"/> at its position, as the deserializer did.
/// </summary>
internal static class BundledManifestReader
{
    /// <returns>The manifest, or null for a file without a document.</returns>
    public static BundledManifest? Read(string text)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        if (stream.Documents.Count == 0)
        {
            return null;
        }

        var root = stream.Documents[0].RootNode;
        if (root is YamlScalarNode { Value: null or "" or "~" or "null" })
        {
            return null;
        }

        var manifest = new BundledManifest();
        foreach (var (keyNode, value) in Mapping(root).Children)
        {
            switch (Scalar(keyNode))
            {
                case "id": manifest.Id = Scalar(value) ?? ""; break;
                case "edition": manifest.Edition = Scalar(value) ?? ""; break;
                case "default_language": manifest.DefaultLanguage = Scalar(value) ?? ""; break;
                case "source_url": manifest.SourceUrl = Scalar(value); break;
                case "lesson_url": manifest.LessonUrl = Scalar(value); break;
                case "licence": manifest.Licence = Scalar(value); break;
                case "attribution": manifest.Attribution = Scalar(value); break;
                case "titles": manifest.Titles = Strings(value); break;
                case "topics": manifest.Topics = [.. Sequence(value).Children.Select(Strings)]; break;
                default: break;
            }
        }

        return manifest;
    }

    private static Dictionary<string, string> Strings(YamlNode node) =>
        Mapping(node).Children.ToDictionary(pair => Scalar(pair.Key) ?? "", pair => Scalar(pair.Value) ?? "");

    // A null scalar (~, null, nothing) reads as null, as the deserializer gave it.
    private static string? Scalar(YamlNode node) => node switch
    {
        YamlScalarNode { Style: ScalarStyle.Plain, Value: null or "" or "~" or "null" or "Null" or "NULL" } => null,
        YamlScalarNode scalar => scalar.Value,
        _ => throw Wrong(node, "a single value"),
    };

    private static YamlMappingNode Mapping(YamlNode node) => node as YamlMappingNode ?? throw Wrong(node, "a mapping of keys to values");

    private static YamlSequenceNode Sequence(YamlNode node) => node as YamlSequenceNode ?? throw Wrong(node, "a list");

    private static YamlException Wrong(YamlNode node, string expected) => new(node.Start, node.End, $"expected {expected} here");
}
