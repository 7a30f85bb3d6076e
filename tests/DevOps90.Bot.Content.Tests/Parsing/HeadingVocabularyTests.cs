using DevOps90.Bot.Content.Parsing;

namespace DevOps90.Bot.Content.Tests.Parsing;

public sealed class HeadingVocabularyTests
{
    [Theory]
    [InlineData("Resources")]
    [InlineData("Resources ")]
    [InlineData("📚 Resources:")]
    [InlineData("Other Resource")]
    [InlineData("References")]
    [InlineData("Additional Resources")]
    [InlineData("FURTHER READING")]
    [InlineData("Ressources")]
    [InlineData("Recursos")]
    [InlineData("Rercursos")]
    [InlineData("Kaynaklar")]
    [InlineData("자료")]
    [InlineData("리소스")]
    [InlineData("リソース")]
    [InlineData("参考情報")]
    [InlineData("相关资料")]
    [InlineData("資源")]
    [InlineData("Tài liệu tham khảo")]
    [InlineData("Tài nguyên tham khảo")]
    [InlineData("Materiały")]
    [InlineData("Dodatkowe źródła")]
    public void IsResources_KnownSpellings_AreResources(string heading)
    {
        Assert.True(HeadingVocabulary.IsResources(heading));
    }

    [Theory]
    [InlineData("Terraform Resources")]
    [InlineData("Azure Resource Manager")]
    [InlineData("Resource Groups")]
    [InlineData("Recap")]
    [InlineData("What is next?")]
    public void IsResources_HeadingsThatMerelyMentionResources_AreNot(string heading)
    {
        Assert.False(HeadingVocabulary.IsResources(heading));
    }

    [Theory]
    [InlineData("About Me", true)]
    [InlineData("Video", true)]
    [InlineData("About me and my journey", true)]
    [InlineData("About the Speaker", true)]
    [InlineData("About the speaker (Jane Doe):", true)]
    [InlineData("Speakers", true)]
    [InlineData("About the platform", false)]
    [InlineData("Video games in DevOps culture", false)]
    [InlineData("What is DevOps?", false)]
    public void IsSkippedForSummary_SpeakerAndVideoSections_AreSkipped(string heading, bool expected)
    {
        Assert.Equal(expected, HeadingVocabulary.IsSkippedForSummary(heading));
    }

    [Theory]
    [InlineData("About Me", true)]
    [InlineData("About the speaker (Jane Doe):", true)]
    [InlineData("Who am I?", true)]
    [InlineData("Sobre mí", true)]
    [InlineData("Video", false)]
    [InlineData("Watch the video", false)]
    [InlineData("About the platform", false)]
    public void IsAboutThePerson_SpeakerSectionsButNotVideoOnes(string heading, bool expected)
    {
        Assert.Equal(expected, HeadingVocabulary.IsAboutThePerson(heading));
    }
}
