namespace DevOps90.Bot.Core.Tests;

public sealed class TextFoldingTests
{
    [Theory]
    [InlineData("Responsabilités d'un Ingénieur", "responsabilites d'un ingenieur")]
    [InlineData("  Kubernetes \t  et\nDocker ", "kubernetes et docker")]
    [InlineData("ÇA MARCHE", "ca marche")]
    [InlineData("", "")]
    public void Fold_Text_IsLowerCaseWithoutAccentsAndSingleSpaced(string text, string expected)
    {
        Assert.Equal(expected, TextFolding.Fold(text));
    }
}
