using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Clamp.ServiceDefaults;

/// <summary>
/// gRPC server reflection (what grpcurl lists), which describes every service and method to whoever asks: on in
/// Development, off elsewhere unless <c>Grpc:EnableReflection</c> (environment: Grpc__EnableReflection) says true.
/// </summary>
public static class GrpcReflection
{
    public const string Setting = "Grpc:EnableReflection";

    public static bool IsEnabled(IConfiguration configuration, IHostEnvironment environment) =>
        configuration.GetValue<bool?>(Setting) ?? environment.IsDevelopment();

    internal static void AddGrpcReflectionWhenEnabled(this IHostApplicationBuilder builder)
    {
        if (IsEnabled(builder.Configuration, builder.Environment))
            builder.Services.AddGrpcReflection();
    }

    internal static void MapGrpcReflectionWhenEnabled(this WebApplication app)
    {
        if (IsEnabled(app.Configuration, app.Environment))
            app.MapGrpcReflectionService();
    }
}
