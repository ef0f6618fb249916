using Clamp.Ingest;

IngestApp.Build(args).Run();
