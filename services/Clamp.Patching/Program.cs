using Clamp.Patching;

PatchingApp.Build(args).Run();
