using System.Globalization;
using System.Resources;

namespace DevOps90.Bot.Core.Localization;

/// <summary>
/// The bot's own words in one language, from Messages.resx (English) and Messages.fr.resx. Keys name what the text
/// is for ("Lesson.Title"); placeholders are numbered as in string.Format.
/// </summary>
public sealed class BotText
{
    // The curriculum's languages (its editions and community translations), each with the culture that formats its
    // dates and numbers and the one its Messages.<culture>.resx is named after. Declared first: the tables below are
    // built from it during static initialisation.
    private static readonly (string Code, string Culture, string Resources)[] _table =
    [
        ("en", "en-GB", ""),
        ("fr", "fr-FR", "fr"),
        ("es", "es-ES", "es"),
        ("ja", "ja-JP", "ja"),
        ("ko", "ko-KR", "ko"),
        ("pl", "pl-PL", "pl"),
        ("pt-br", "pt-BR", "pt-BR"),
        ("tr", "tr-TR", "tr"),
        ("vi", "vi-VN", "vi"),
        ("zh-cn", "zh-CN", "zh-Hans"),
        ("zh-tw", "zh-TW", "zh-Hant"),
    ];

    // Spellings of a language the table names otherwise: a platform's locale ("zh-HK", "pt-PT", "es-419") or a script.
    private static readonly Dictionary<string, string> _aliases = new(StringComparer.Ordinal)
    {
        ["pt"] = "pt-br", ["zh"] = "zh-cn", ["zh-hans"] = "zh-cn", ["zh-sg"] = "zh-cn",
        ["zh-hant"] = "zh-tw", ["zh-hk"] = "zh-tw", ["zh-mo"] = "zh-tw",
    };

    private static readonly string[] _languages = [.. _table.Select(entry => entry.Code)];

    private static readonly ResourceManager _resources = new("DevOps90.Bot.Core.Localization.Messages", typeof(BotText).Assembly);

    // Made on first use: a culture's date formats come from ICU's data, and eleven of them read at start kept pages of
    // it resident in a bot that may only ever speak English (bench/README.md, process footprint).
    private static readonly Dictionary<string, Lazy<BotText>> _byLanguage = _table.ToDictionary(
        entry => entry.Code,
        entry => new Lazy<BotText>(() => new BotText(entry.Code, CultureInfo.GetCultureInfo(entry.Culture))));

    private readonly string _dayAndMonth;
    private readonly string _fullDate;

    private BotText(string language, CultureInfo culture)
    {
        Language = language;
        Culture = culture;
        var format = culture.DateTimeFormat;
        (_dayAndMonth, _fullDate) = language switch
        {
            // Without the comma of their long date patterns: "Monday 4 January", "lundi 4 janvier 2027".
            "en" or "fr" => ("dddd d MMMM", "dddd d MMMM yyyy"),
            // The day's name after its date: "1月4日 月曜日", "1월 4일 월요일".
            "ja" or "ko" or "zh-cn" or "zh-tw" => (format.MonthDayPattern + " dddd", format.LongDatePattern),
            // "lunes 4 de enero", "poniedziałek 4 stycznia": the culture's own day-and-month, genitive where it has one.
            _ => ("dddd " + format.MonthDayPattern, format.LongDatePattern),
        };
    }

    /// <summary>The languages the bot speaks (codes as the content index writes them); the first is the fallback.</summary>
    public static IReadOnlyList<string> Languages => _languages;

    public CultureInfo Culture { get; }

    /// <summary>The language's code ("en", "pt-br", "zh-tw").</summary>
    public string Language { get; }

    public string this[string key] =>
        _resources.GetString(key, Culture) ?? throw new KeyNotFoundException($"No bot text '{key}'");

    public static bool Speaks(string language) => Resolve(language) is not null;

    /// <summary>
    /// The language the bot speaks for a code or locale: itself ("fr", "pt-br"), its base language ("fr-CA" is
    /// "fr", "es-419" is "es"), or the script it names ("zh-HK" is traditional Chinese); null when the bot does not
    /// speak it.
    /// </summary>
    public static string? Resolve(string language)
    {
        var code = Curricula.LanguageCode.Normalize(language);
        if (_byLanguage.ContainsKey(code))
        {
            return code;
        }

        if (_aliases.TryGetValue(code, out var alias))
        {
            return alias;
        }

        var baseCode = Curricula.LanguageCode.BaseOf(code);
        return _byLanguage.ContainsKey(baseCode) ? baseCode : _aliases.GetValueOrDefault(baseCode);
    }

    public static BotText For(string language) =>
        (Resolve(language) is { } spoken ? _byLanguage[spoken] : _byLanguage[Languages[0]]).Value;

    public string Format(string key, params object?[] arguments) => string.Format(Culture, this[key], arguments);

    /// <summary>As <see cref="Format"/>, keeping the meaning of arguments that are spans (a member, a link, a command).</summary>
    public Replies.ReplyLine Line(string key, params object?[] arguments) => Replies.ReplyLine.Format(Culture, this[key], arguments);

    /// <summary>"Monday 1 December" / "lundi 1 décembre".</summary>
    public string Date(DateOnly date) =>
        date.ToString(_dayAndMonth, Culture);

    /// <summary>
    /// As <see cref="Date(DateOnly)"/>, with the year when it is not <paramref name="today"/>'s ("Friday 1 January
    /// 2027" said on 30 December 2026), so a date across the new year is never ambiguous.
    /// </summary>
    public string Date(DateOnly date, DateOnly today) =>
        date.Year == today.Year ? Date(date) : DateWithYear(date);

    /// <summary>"Friday 1 January 2027", "2027年1月1日金曜日".</summary>
    public string DateWithYear(DateOnly date) => date.ToString(_fullDate, Culture);

    /// <summary>A local moment with its date in words and its time on the 24-hour clock: "Monday 4 January 18:00".</summary>
    public string DateAndTime(DateTime local, bool withYear = false) =>
        $"{(withYear ? DateWithYear(DateOnly.FromDateTime(local)) : Date(DateOnly.FromDateTime(local)))} {local.ToString("HH:mm", CultureInfo.InvariantCulture)}";

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

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, HashSet<string>> _defined = new(StringComparer.Ordinal);

    /// <summary>Whether a language's own file has the text (English has them all); a missing translation falls back to English.</summary>
    public static bool Defines(string language, string key) =>
        _defined.GetOrAdd(Resolve(language) ?? Languages[0], code => code == Languages[0] ? [.. AllKeys()] : [.. KeysOf(code)]).Contains(key);

    /// <summary>The keys a language's own file defines (without falling back to English).</summary>
    public static IReadOnlyList<string> KeysOf(string language)
    {
        // Not disposed: the ResourceManager caches this set and serves every later lookup from it.
        var resources = _table.FirstOrDefault(entry => entry.Code == Resolve(language)).Resources;
        if (string.IsNullOrEmpty(resources))
        {
            return [];
        }

        var set = _resources.GetResourceSet(CultureInfo.GetCultureInfo(resources), createIfNotExists: true, tryParents: false);
        return set is null ? [] : [.. set.Cast<System.Collections.DictionaryEntry>().Select(entry => (string)entry.Key).Order(StringComparer.Ordinal)];
    }
}
