using Clamp.Web;

WebApp.Build(args).Run();
