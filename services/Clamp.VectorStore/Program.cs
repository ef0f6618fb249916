using Clamp.VectorStore;

var builder = WebApplication.CreateBuilder(args);
builder.AddVectorStoreServices();

var app = builder.Build();
app.MapVectorStoreEndpoints();
app.Run();

/// <summary>Entry point, visible to the in-process test host.</summary>
public partial class Program;
