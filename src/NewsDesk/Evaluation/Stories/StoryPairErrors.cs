using System.Globalization;
using System.Text;

namespace NewsDesk.Evaluation.Stories;

/// <summary>
/// The pairs <c>eval stories</c> got wrong, for reading: gold pairs put in different stories (missed) and pairs put
/// in one story that gold keeps apart (false), each with both headlines.
/// </summary>
internal static class StoryPairErrors
{
    public static string Format(IReadOnlyList<(string Id, string Title, string Gold, string Predicted)> items, Func<int, int, string> detail)
    {
        ArgumentNullException.ThrowIfNull(items);
        var missed = new StringBuilder();
        var wrong = new StringBuilder();
        for (var i = 0; i < items.Count; i++)
        {
            for (var j = i + 1; j < items.Count; j++)
            {
                var sameGold = items[i].Gold == items[j].Gold;
                var samePredicted = items[i].Predicted == items[j].Predicted;
                if (sameGold != samePredicted)
                {
                    var target = sameGold ? missed : wrong;
                    target.AppendLine(CultureInfo.InvariantCulture, $"  {items[i].Id} {items[i].Title}");
                    target.AppendLine(CultureInfo.InvariantCulture, $"  {items[j].Id} {items[j].Title}");
                    target.AppendLine(CultureInfo.InvariantCulture, $"    {detail(i, j)}");
                }
            }
        }

        return $"missed pairs:\n{missed}false pairs:\n{wrong}";
    }
}
