using Clamp.Music.Patching;
using Clamp.ZeroShot;
using Grpc.Core;

namespace Clamp.Query.Classification;

/// <summary>Checks classification labels and fills the prompt template (<see cref="LabelPromptBuilder"/>); a bad request is InvalidArgument.</summary>
internal static class LabelPrompts
{
    public const string Placeholder = ModelInput.LabelPlaceholder;

    public static IReadOnlyList<string> Build(IReadOnlyList<string> labels, string template, int maxLabels)
    {
        try
        {
            return LabelPromptBuilder.Build(labels, template, maxLabels);
        }
        catch (ArgumentException e)
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, e.Message));
        }
    }
}
