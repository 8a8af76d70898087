using System.Text;

namespace Keyless.Plan.Design;

/// <summary>Prose broken into lines of readable width at spaces, for notes written as comments.</summary>
internal static class TextWrap
{
    public static string Lines(string text, int width = 110)
    {
        var output = new StringBuilder();
        var line = new StringBuilder();
        foreach (var word in text.Split(' '))
        {
            if (line.Length > 0 && line.Length + word.Length + 1 > width)
            {
                output.Append(line).Append('\n');
                line.Clear();
            }

            line.Append(line.Length == 0 ? string.Empty : " ").Append(word);
        }

        return output.Append(line).ToString();
    }
}
