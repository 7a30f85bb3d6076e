namespace DevOps90.Bot.Core.Reports;

/// <summary>Draws a certificate of completion as a PNG image (reports implement it).</summary>
public interface ICertificateRenderer
{
    byte[] Render(CertificateCard card);
}

/// <summary>Every line of a certificate, already in the group's language.</summary>
public sealed record CertificateCard(string Heading, string Name, string Completed, string Group, string Edition, string Dates, string Days);
