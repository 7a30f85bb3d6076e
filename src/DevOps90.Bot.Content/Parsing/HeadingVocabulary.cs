using System.Collections.Frozen;
using DevOps90.Bot.Core;

namespace DevOps90.Bot.Content.Parsing;

/// <summary>
/// The section names that mean "resources", "summary", "key points" or "about the author" in the languages the
/// curriculum is translated into, matched the way people actually type them (case, accents, punctuation, a typo).
/// </summary>
internal static class HeadingVocabulary
{
    private static readonly FrozenSet<string> _resources = Fold(
        "resources", "resource", "other resources", "other resource", "references", "reference",
        "additional resources", "additional resource", "further reading", "useful links", "learning resources",
        "ressources", "autres ressources", "références", "recursos", "otros recursos", "referencias", "referências",
        "kaynaklar", "kaynak", "자료", "리소스", "참고 자료", "참고자료", "リソース", "参考情報", "参考資料", "相关资料", "资源",
        "參考資料", "資源", "tài liệu tham khảo", "tài nguyên tham khảo", "tài nguyên", "materiały", "dodatkowe źródła",
        "źródła");

    private static readonly FrozenSet<string> _summary = Fold(
        "summary", "tl;dr", "tldr", "résumé", "resume", "resumen", "resumo", "özet", "요약", "概要", "摘要", "总结",
        "總結", "tóm tắt", "podsumowanie", "streszczenie");

    private static readonly FrozenSet<string> _keyPoints = Fold(
        "key points", "key takeaways", "takeaways", "points clés", "à retenir", "puntos clave", "pontos-chave",
        "pontos chave");

    private static readonly FrozenSet<string> _video = Fold("video", "videos", "watch the video");

    private static readonly FrozenSet<string> _aboutThePerson = Fold(
        "about me", "about the author", "about the speaker", "about the speakers", "about the presenter",
        "speaker", "speakers", "who am i", "à propos", "à propos de moi",
        "à propos de l'intervenant", "sobre mí", "sobre el ponente", "sobre mim", "sobre o palestrante", "hakkımda",
        "konuşmacı hakkında", "自己紹介", "登壇者について", "关于我", "关于讲者", "關於我", "關於講者", "저자 소개", "발표자 소개",
        "về tôi", "về diễn giả", "o mnie", "o prelegencie");

    // Headings that go on with a name or a subtitle: "About the Speaker (Jane Doe)", "About me and my journey".
    private static readonly string[] _aboutThePersonPrefixes = ["about me ", "about the author ", "about the speaker ", "about the speakers "];

    public static bool IsResources(string heading) => MatchesTolerantly(Key(heading), _resources);

    public static bool IsResources(HeadingInfo heading) => MatchesTolerantly(heading.Key, _resources);

    public static bool IsSummary(HeadingInfo heading) => _summary.Contains(heading.Key);

    public static bool IsKeyPoints(HeadingInfo heading) => _keyPoints.Contains(heading.Key);

    /// <summary>Sections whose prose is about the speaker or a video, never the lesson itself.</summary>
    public static bool IsSkippedForSummary(string heading) => IsSkippedKey(Key(heading));

    public static bool IsSkippedForSummary(HeadingInfo heading) => IsSkippedKey(heading.Key);

    /// <summary>A section of the lesson's video: skipped for the summary, but its links are resources.</summary>
    public static bool IsVideo(HeadingInfo heading) => _video.Contains(heading.Key);

    /// <summary>Sections about the speaker or the author: their links (a profile, an employer) teach nothing.</summary>
    public static bool IsAboutThePerson(string heading) => IsAboutThePersonKey(Key(heading));

    public static bool IsAboutThePerson(HeadingInfo heading) => IsAboutThePersonKey(heading.Key);

    /// <summary>Folded, with punctuation, symbols and emoji dropped: "📚 Resources:" -> "resources".</summary>
    public static string Key(string heading)
    {
        var folded = TextFolding.Fold(heading.Replace('ł', 'l').Replace('Ł', 'L'));
        Span<char> buffer = folded.Length <= 256 ? stackalloc char[folded.Length] : new char[folded.Length];
        var length = 0;
        foreach (var character in folded)
        {
            if (char.IsLetterOrDigit(character) || character is ' ' or ';' or '-')
            {
                buffer[length++] = character;
            }
        }

        return buffer[..length].Trim().Trim('-').ToString();
    }

    private static bool IsSkippedKey(string key) => _video.Contains(key) || IsAboutThePersonKey(key);

    private static bool IsAboutThePersonKey(string key)
    {
        if (_aboutThePerson.Contains(key))
        {
            return true;
        }

        foreach (var prefix in _aboutThePersonPrefixes)
        {
            if (key.StartsWith(prefix, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static bool MatchesTolerantly(string key, FrozenSet<string> words)
    {
        if (words.Contains(key))
        {
            return true;
        }

        // One slip of the keyboard in a long word ("Rercursos") still names the section.
        if (key.Length < 7)
        {
            return false;
        }

        foreach (var word in words)
        {
            if (Math.Abs(word.Length - key.Length) <= 1 && EditDistanceAtMostOne(word, key))
            {
                return true;
            }
        }

        return false;
    }

    private static bool EditDistanceAtMostOne(string a, string b)
    {
        if (a.Length > b.Length)
        {
            (a, b) = (b, a);
        }

        var i = 0;
        while (i < a.Length && a[i] == b[i])
        {
            i++;
        }

        if (a.Length == b.Length)
        {
            return a.AsSpan(i + Math.Min(1, a.Length - i)).SequenceEqual(b.AsSpan(i + Math.Min(1, b.Length - i)));
        }

        return a.AsSpan(i).SequenceEqual(b.AsSpan(i + 1));
    }

    private static FrozenSet<string> Fold(params string[] words) => words.Select(Key).ToFrozenSet();
}
