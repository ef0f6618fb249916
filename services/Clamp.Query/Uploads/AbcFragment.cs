using System.Text;
using System.Text.RegularExpressions;
using Clamp.Contracts.Grpc;
using Google.Protobuf;

namespace Clamp.Query.Uploads;

/// <summary>
/// A pasted ABC fragment as an uploaded score: a whole tune passes as it is; a few bars without a <c>K:</c> field get
/// the smallest header that makes them a tune (<c>X:1</c>, <c>L:1/8</c>, <c>K:C</c>, ABC's defaults), so "|:d2B cAF|"
/// is as searchable as a file.
/// </summary>
internal static partial class AbcFragment
{
    public const string FileName = "fragment.abc";

    public static UploadedScore ToUpload(string abc)
    {
        var text = abc.Replace("\r\n", "\n").Trim();
        if (!KeyField().IsMatch(text))
            text = $"X:1\nL:1/8\nK:C\n{text}";
        else if (!text.StartsWith("X:", StringComparison.Ordinal))
            text = $"X:1\n{text}";
        return new UploadedScore { FileName = FileName, Content = ByteString.CopyFrom(Encoding.UTF8.GetBytes(text + "\n")) };
    }

    [GeneratedRegex(@"^K:", RegexOptions.Multiline)]
    private static partial Regex KeyField();
}
