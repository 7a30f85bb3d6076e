using System.Collections.Frozen;
using System.Security.Cryptography;

namespace DevOps90.Bot.Web.Assets;

/// <summary>
/// The pages' stylesheet and script, read once from the assembly. Each has a version (a hash of its bytes) that the
/// pages put in its address, so a browser may keep it for a year and still gets a changed one at once.
/// </summary>
internal static class WebAssets
{
    public const string PathPrefix = "/assets/web/";

    private static readonly FrozenDictionary<string, Asset> _assets = new[]
    {
        Load("site.css", "text/css; charset=utf-8"),
        Load("localtime.js", "text/javascript; charset=utf-8"),
    }.ToFrozenDictionary(asset => asset.Name, StringComparer.Ordinal);

    public static Asset? Find(string name) => _assets.GetValueOrDefault(name);

    /// <summary>"/assets/web/site.css?v=1a2b3c4d5e6f".</summary>
    public static string Address(string name) => $"{PathPrefix}{name}?v={_assets[name].Version}";

    private static Asset Load(string name, string contentType)
    {
        using var stream = typeof(WebAssets).Assembly.GetManifestResourceStream("Assets/" + name)
            ?? throw new InvalidOperationException($"The web asset {name} is not embedded");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        var bytes = copy.ToArray();
        return new Asset(name, contentType, bytes, Convert.ToHexStringLower(SHA256.HashData(bytes))[..12]);
    }
}

internal sealed record Asset(string Name, string ContentType, byte[] Bytes, string Version);
