using System.Text;

namespace DevOps90.Bot.Benchmarks;

/// <summary>Lorem-like prose from a language's small word list; deterministic for a given <see cref="Random"/>.</summary>
internal sealed class TextGenerator(Random random, LanguageStyle style)
{
    private static readonly string[] _hosts =
    [
        "https://www.youtube.com/watch?v=", "https://example.com/blog/", "https://docs.example.org/guide/",
        "https://learn.example.net/course/", "https://github.com/example-org/",
    ];

    private const string IdAlphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-";

    public Random Random => random;

    public string Word() => style.Words[random.Next(style.Words.Length)];

    public string Words(int count) =>
        string.Join(style.WordSeparator, Enumerable.Range(0, count).Select(_ => Word()));

    /// <summary>A title: a few words, capitalised where the script has capitals.</summary>
    public string Title(int minWords = 2, int maxWords = 5) =>
        string.Join(style.WordSeparator, Enumerable.Range(0, random.Next(minWords, maxWords + 1)).Select(_ => Capitalise(Word())));

    public string Sentence()
    {
        var builder = new StringBuilder(Capitalise(Words(random.Next(6, 19))));
        var decoration = random.Next(12);
        if (decoration == 0)
        {
            builder.Append(style.WordSeparator).Append('[').Append(Words(2)).Append("](").Append(Url()).Append(')');
        }
        else if (decoration == 1)
        {
            builder.Append(style.WordSeparator).Append("**").Append(Word()).Append("**");
        }
        else if (decoration == 2)
        {
            builder.Append(style.WordSeparator).Append('`').Append(EnglishWord()).Append('`');
        }

        return builder.Append(style.SentenceEnd).ToString();
    }

    /// <summary>Sentences until the paragraph reaches about <paramref name="bytes"/> UTF-8 bytes.</summary>
    public string Paragraph(int bytes)
    {
        var builder = new StringBuilder();
        var length = 0;
        while (length < bytes)
        {
            var sentence = Sentence();
            builder.Append(sentence);
            length += Encoding.UTF8.GetByteCount(sentence);
        }

        return builder.ToString().TrimEnd();
    }

    public string Url()
    {
        var host = _hosts[random.Next(_hosts.Length)];
        if (host.EndsWith('='))
        {
            return host + new string([.. Enumerable.Range(0, 11).Select(_ => IdAlphabet[random.Next(IdAlphabet.Length)])]);
        }

        return host + EnglishWord() + "-" + EnglishWord();
    }

    public string EnglishWord() => LanguageStyle.English.Words[random.Next(LanguageStyle.English.Words.Length)];

    private static string Capitalise(string word) =>
        word.Length > 0 && char.IsLower(word[0]) ? char.ToUpperInvariant(word[0]) + word[1..] : word;
}
