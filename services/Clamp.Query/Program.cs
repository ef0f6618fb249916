using Clamp.Query;

var builder = WebApplication.CreateBuilder(args);
builder.AddQueryServices();

var app = builder.Build();
app.MapQueryEndpoints();
app.Run();
