namespace DevOps90.Bot.Core.Curricula;

/// <summary>
/// Language codes in one spelling: lower case with '-' (the upstream folders use both "zh_cn" and "pt-br",
/// Discord sends "pt-BR" and "zh-CN").
/// </summary>
public static class LanguageCode
{
    public static string Normalize(string code) =>
        code.Trim().Replace('_', '-').ToLowerInvariant();

    /// <summary>"pt-br" -> "pt"; "fr" -> "fr".</summary>
    public static string BaseOf(string normalizedCode)
    {
        var dash = normalizedCode.IndexOf('-', StringComparison.Ordinal);
        return dash < 0 ? normalizedCode : normalizedCode[..dash];
    }
}
