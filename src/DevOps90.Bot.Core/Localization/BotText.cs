using System.Globalization;
using System.Resources;

namespace DevOps90.Bot.Core.Localization;

/// <summary>
/// The bot's own words in one language, from Messages.resx (English) and Messages.fr.resx. Keys name what the text
/// is for ("Lesson.Title"); placeholders are numbered as in string.Format.
/// </summary>
public sealed class BotText
{
    // Declared first: the table below is built from it during static initialisation.
    private static readonly string[] _languages = ["en", "fr"];

    private static readonly ResourceManager _resources = new("DevOps90.Bot.Core.Localization.Messages", typeof(BotText).Assembly);

    private static readonly Dictionary<string, BotText> _byLanguage = _languages.ToDictionary(
        language => language,
        language => new BotText(CultureInfo.GetCultureInfo(language == "en" ? "en-GB" : "fr-FR")));

    private BotText(CultureInfo culture) => Culture = culture;

    /// <summary>The languages the bot speaks; the first is the fallback.</summary>
    public static IReadOnlyList<string> Languages => _languages;

    public CultureInfo Culture { get; }

    public string Language => Culture.TwoLetterISOLanguageName;

    public string this[string key] =>
        _resources.GetString(key, Culture) ?? throw new KeyNotFoundException($"No bot text '{key}'");

    public static bool Speaks(string language) => _byLanguage.ContainsKey(language);

    public static BotText For(string language) =>
        _byLanguage.TryGetValue(language, out var text) ? text : _byLanguage[Languages[0]];

    public string Format(string key, params object?[] arguments) => string.Format(Culture, this[key], arguments);

    /// <summary>As <see cref="Format"/>, keeping the meaning of arguments that are spans (a member, a link, a command).</summary>
    public Replies.ReplyLine Line(string key, params object?[] arguments) => Replies.ReplyLine.Format(Culture, this[key], arguments);

    /// <summary>"Monday 1 December" / "lundi 1 décembre".</summary>
    public string Date(DateOnly date) =>
        date.ToString("dddd d MMMM", Culture);

    /// <summary>
    /// As <see cref="Date(DateOnly)"/>, with the year when it is not <paramref name="today"/>'s ("Friday 1 January
    /// 2027" said on 30 December 2026), so a date across the new year is never ambiguous.
    /// </summary>
    public string Date(DateOnly date, DateOnly today) =>
        date.Year == today.Year ? Date(date) : date.ToString("dddd d MMMM yyyy", Culture);

    /// <summary>The name of a language in this language ("French" / "français"), or its code when unknown.</summary>
    public string LanguageName(string code) =>
        _resources.GetString("Language." + code, Culture)
        ?? _resources.GetString("Language." + Curricula.LanguageCode.BaseOf(code), Culture)
        ?? code;

    /// <summary>Every key of the neutral resources, for completeness checks.</summary>
    public static IReadOnlyList<string> AllKeys()
    {
        // Not disposed: the ResourceManager caches this set and serves every later lookup from it.
        var set = _resources.GetResourceSet(CultureInfo.InvariantCulture, createIfNotExists: true, tryParents: true)!;
        return [.. set.Cast<System.Collections.DictionaryEntry>().Select(entry => (string)entry.Key).Order(StringComparer.Ordinal)];
    }

    /// <summary>The keys a language's own file defines (without falling back to English).</summary>
    public static IReadOnlyList<string> KeysOf(string language)
    {
        // Not disposed: the ResourceManager caches this set and serves every later lookup from it.
        var set = _resources.GetResourceSet(CultureInfo.GetCultureInfo(language), createIfNotExists: true, tryParents: false);
        return set is null ? [] : [.. set.Cast<System.Collections.DictionaryEntry>().Select(entry => (string)entry.Key).Order(StringComparer.Ordinal)];
    }
}
