namespace DevOps90.Bot.Core.Curricula;

/// <summary>A link a lesson recommends: its display title and an absolute http(s) URL.</summary>
public sealed record Resource(string Title, string Url);
