using System.CommandLine;
using Clamp.Contracts.Grpc;

namespace Clamp.Cli.Commands.Platform;

/// <summary><c>clamp similar ID</c>: the indexed scores nearest to one score.</summary>
public static class SimilarCommand
{
    public static Command Create()
    {
        var scoreId = new Argument<string>("SCORE_ID") { Description = "An indexed score's id." };
        var k = new Option<int>("--k") { Description = "Results per page.", DefaultValueFactory = _ => 10 };
        var service = new QueryServiceOptions();

        var command = new Command("similar", "The scores most similar to one score (gRPC ScoreSearch.Similar).") { scoreId, k };
        service.AddTo(command);
        command.SetAction((result, cancellation) => RpcErrors.Run(result.InvocationConfiguration.Error, async () =>
        {
            var (channel, client) = service.Connect(result);
            using var _ = channel;
            var response = await client.SimilarAsync(
                new SimilarRequest
                {
                    ScoreId = result.GetRequiredValue(scoreId),
                    K = result.GetValue(k),
                    ModelVersion = result.GetValue(service.ModelVersion) ?? "",
                },
                deadline: service.Deadline(result),
                cancellationToken: cancellation);
            var output = result.InvocationConfiguration.Output;
            output.WriteLine($"similar to {result.GetRequiredValue(scoreId)} (model {response.ModelVersion}):");
            HitPrinter.Write(output, response.Hits);
            return 0;
        }));
        return command;
    }
}
