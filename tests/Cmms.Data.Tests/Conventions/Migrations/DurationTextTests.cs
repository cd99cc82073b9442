using Cmms.Data.Conventions.Migrations.Engine;

namespace Cmms.Data.Tests.Conventions.Migrations;

public sealed class DurationTextTests
{
    [Theory]
    [InlineData(500, "500ms")]
    [InlineData(1_000, "1s")]
    [InlineData(1_500, "1.5s")]
    [InlineData(59_000, "59s")]
    [InlineData(600_000, "10m")]
    [InlineData(150_000, "2m30s")]
    public void Format_writes_milliseconds_below_a_second_seconds_below_a_minute_and_minutes_with_seconds_above(int milliseconds, string text)
        => DurationText.Format(TimeSpan.FromMilliseconds(milliseconds)).Should().Be(text);
}
