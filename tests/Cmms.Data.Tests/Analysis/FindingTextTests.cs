using Cmms.Data.Analysis.Findings;

namespace Cmms.Data.Tests.Analysis;

/// <summary>Sizes in analyze's reports: one style, kB below 1 MB, never "bytes".</summary>
public sealed class FindingTextTests
{
    [Theory]
    [InlineData(0, "0 kB")]
    [InlineData(512, "0.5 kB")]
    [InlineData(8192, "8 kB")]
    [InlineData(1024 * 1023, "1023 kB")]
    [InlineData(1024 * 1024, "1 MB")]
    [InlineData(1024 * 1024 * 3 / 2, "1.5 MB")]
    [InlineData(5L * 1024 * 1024 * 1024, "5 GB")]
    public void Sizes_are_written_in_kB_below_a_megabyte_and_in_larger_units_above(long bytes, string expected)
        => FindingText.Size(bytes).Should().Be(expected);
}
