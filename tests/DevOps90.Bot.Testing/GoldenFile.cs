using System.Text.Json;
using System.Text.Json.Nodes;

namespace DevOps90.Bot.Testing;

/// <summary>
/// Compares a value, as JSON, with an expected file next to its input, structurally. Setting
/// DEVOPS90_UPDATE_GOLDEN=1 rewrites the expectations instead: a deliberate act, reviewed in the diff like code.
/// </summary>
public static class GoldenFile
{
    private static readonly JsonSerializerOptions _options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        // Golden files are read by people: keep accents and CJK as they are.
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static bool Updating => Environment.GetEnvironmentVariable("DEVOPS90_UPDATE_GOLDEN") == "1";

    /// <summary>Returns null when the value matches (or was written), else a message showing both.</summary>
    public static string? Compare<T>(T actual, string expectedPath)
    {
        var actualJson = JsonSerializer.Serialize(actual, _options);
        if (Updating)
        {
            File.WriteAllText(expectedPath, actualJson + "\n");
            return null;
        }

        if (!File.Exists(expectedPath))
        {
            return $"No expectation at {expectedPath}; run with DEVOPS90_UPDATE_GOLDEN=1 to create it. Actual:\n{actualJson}";
        }

        var expected = JsonNode.Parse(File.ReadAllText(expectedPath));
        return JsonNode.DeepEquals(expected, JsonNode.Parse(actualJson))
            ? null
            : $"{expectedPath} differs.\nExpected:\n{expected}\nActual:\n{actualJson}";
    }

    /// <summary>The source folder of a test file (golden files live in the source tree, not the build output).</summary>
    public static string SourceFolder(string relativeToTestProject, [System.Runtime.CompilerServices.CallerFilePath] string callerFile = "") =>
        Path.Combine(FindProjectFolder(Path.GetDirectoryName(callerFile)!), relativeToTestProject);

    private static string FindProjectFolder(string start)
    {
        for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
        {
            if (folder.EnumerateFiles("*.csproj").Any())
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No project folder above {start}");
    }
}
