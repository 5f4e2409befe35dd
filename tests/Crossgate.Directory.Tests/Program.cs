using Crossgate.Directory.Tests.Storage;

namespace Crossgate.Directory.Tests;

/// <summary>The test assembly run as a program: the child process of the kill test.</summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        if (args.Length == 2 && args[0] == KillTest.WriterCommand)
        {
            await KillTest.RunWriterAsync(args[1]);
            return 0;
        }

        Console.Error.WriteLine($"usage: {KillTest.WriterCommand} DATABASE");
        return 2;
    }
}
