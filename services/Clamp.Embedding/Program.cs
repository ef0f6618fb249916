using Clamp.Embedding;
using Clamp.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddEmbeddingServices();

var app = builder.Build();
app.MapEmbeddingEndpoints();
app.Run();

/// <summary>Visible to the tests, which host the service.</summary>
public partial class Program;
