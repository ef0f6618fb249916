using Clamp.VectorStore;

var builder = WebApplication.CreateBuilder(args);
builder.AddVectorStoreServices();

var app = builder.Build();
app.MapVectorStoreEndpoints();
app.Run();
