using ArgMiner.Tagging;

namespace ArgMiner.Tests.Tagging;

public sealed class WordVectorClustererTests
{
    // Two bundles of directions, around the x axis and around the y axis, interleaved, of unequal lengths:
    // by distance alone the long vectors would group together; by direction each bundle is one cluster.
    private static List<float[]> TwoBundles() =>
    [
        [1f, 0.1f, 0f], [0.1f, 1f, 0f], [9f, -0.1f, 0.9f], [-0.3f, 9f, 0.3f], [1f, 0.2f, -0.1f], [0.2f, 1f, -0.1f],
    ];

    [Fact]
    public void GivenTwoBundlesOfDirections_WhenClustered_ThenEachBundleIsOneClusterAndRunsAgree()
    {
        var clusters = WordVectorClusterer.Cluster(TwoBundles(), 2);

        Assert.Equal(clusters[0], clusters[2]);
        Assert.Equal(clusters[0], clusters[4]);
        Assert.Equal(clusters[1], clusters[3]);
        Assert.Equal(clusters[1], clusters[5]);
        Assert.NotEqual(clusters[0], clusters[1]);
        Assert.All(clusters, c => Assert.InRange(c, 0, 1));
        Assert.Equal(clusters, WordVectorClusterer.Cluster(TwoBundles(), 2));
    }

    [Fact]
    public void GivenMoreClustersThanVectors_WhenClustered_ThenEveryNumberIsBelowTheVectorCount()
    {
        var clusters = WordVectorClusterer.Cluster([[1f, 0f], [0f, 1f]], 256);

        Assert.Equal(2, clusters.Length);
        Assert.All(clusters, c => Assert.InRange(c, 0, 1));
        Assert.Empty(WordVectorClusterer.Cluster([], 4));
    }

    [Fact]
    public void GivenVectorsOfTwoLengths_WhenClustered_ThenItRefuses()
    {
        Assert.Throws<ArgumentException>(() => WordVectorClusterer.Cluster([[1f, 0f], [0f, 1f, 0f]], 2));
    }
}
