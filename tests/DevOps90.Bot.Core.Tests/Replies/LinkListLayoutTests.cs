using DevOps90.Bot.Core.Replies;

namespace DevOps90.Bot.Core.Tests.Replies;

public sealed class LinkListLayoutTests
{
    // Plain markup keeps the lengths easy to count: a section showing two of four links, "\n\nA\na1\na2\n+2", is 12.
    private static string More(int hidden) => $"+{hidden}";

    private static RenderedLinkList List(string heading, int links) =>
        new(heading, [.. Enumerable.Range(1, links).Select(i => $"{heading.ToLowerInvariant()}{i}")]);

    [Fact]
    public void Fit_EverythingFits_ShowsEveryLinkWithoutMoreLines()
    {
        var text = LinkListLayout.Fit([List("A", 2), List("B", 1)], More, 1000);

        Assert.Equal("\n\nA\na1\na2\n\nB\nb1", text);
    }

    [Fact]
    public void Fit_TooLong_ShortensEveryListEvenlyAndSaysHowManyMore()
    {
        var text = LinkListLayout.Fit([List("A", 4), List("B", 4)], More, 24);

        Assert.Equal("\n\nA\na1\na2\n+2\n\nB\nb1\nb2\n+2", text);
    }

    [Fact]
    public void Fit_RoomLeftAfterEvenShare_GoesOneLinkPerListInOrder()
    {
        // Two each take 36; one more link makes a list 3 longer, so 42 has room for A's and B's but not C's.
        var text = LinkListLayout.Fit([List("A", 4), List("B", 4), List("C", 4)], More, 42);

        Assert.Equal("\n\nA\na1\na2\na3\n+1\n\nB\nb1\nb2\nb3\n+1\n\nC\nc1\nc2\n+2", text);
    }

    [Fact]
    public void Fit_ShortList_ShowsAllItHasAndLeavesTheRoomToLongerOnes()
    {
        // A whole ("\n\nA\na1", 6) leaves 20 to B: four links and "+2" (18) fit, five and "+1" (21) do not.
        var text = LinkListLayout.Fit([List("A", 1), List("B", 6)], More, 26);

        Assert.Equal("\n\nA\na1\n\nB\nb1\nb2\nb3\nb4\n+2", text);
    }

    [Fact]
    public void Fit_EvenHeadingsDoNotAllFit_ShowsWholeHeadingSectionsInOrderUntilFull()
    {
        // Each list with no links shown is "\n\nA\n+1" (6): two fit in 13, the third does not.
        var text = LinkListLayout.Fit([List("A", 1), List("B", 1), List("C", 1)], More, 13);

        Assert.Equal("\n\nA\n+1\n\nB\n+1", text);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    public void Fit_NoBudget_IsEmpty(int budget)
    {
        Assert.Equal("", LinkListLayout.Fit([List("A", 1)], More, budget));
    }

    [Fact]
    public void Fit_NoLists_IsEmpty()
    {
        Assert.Equal("", LinkListLayout.Fit([], More, 1000));
    }
}
