Console.Error.WriteLine("Clamp.Training: not implemented yet");
