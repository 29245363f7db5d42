using System.Collections.ObjectModel;
using Pyfleet.Core.Collections;

namespace Pyfleet.Core.Tests.Collections;

public sealed class ReadOnlyListSpanTests
{
    [Fact]
    public void ArrayListAndOtherLists_GiveTheirItemsInOrder()
    {
        string[] array = ["a", "b"];
        List<string> list = ["a", "b", "c"];
        list.RemoveAt(2); // capacity beyond count: the span must stop at Count
        var other = new ReadOnlyCollection<string>(["a", "b"]);
        Assert.Equal(["a", "b"], ReadOnlyListSpan.Of<string>(array).ToArray());
        Assert.Equal(["a", "b"], ReadOnlyListSpan.Of<string>(list).ToArray());
        Assert.Equal(["a", "b"], ReadOnlyListSpan.Of<string>(other).ToArray());
        Assert.True(ReadOnlyListSpan.Of<string>([]).IsEmpty);
    }
}
