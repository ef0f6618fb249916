namespace Clamp.VectorStore.Tests.Support;

/// <summary>
/// Tests that restart the shared PostgreSQL or RabbitMQ run alone, after the others, so no other test
/// sees the outage.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class RestartsInfrastructure
{
    public const string Name = "restarts shared infrastructure";
}
