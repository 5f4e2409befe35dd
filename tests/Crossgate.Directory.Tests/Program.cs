using Crossgate.Directory.Tests.Storage;

namespace Crossgate.Directory.Tests;

/// <summary>The test assembly run as a program: the child process of the kill test.</summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        if (args.Length == 3 && args[0] == KillTestContract.WriterCommand)
        {
            await KillTestContract.RunWriterAsync(args[1], args[2]);
            return 0;
        }

        Console.Error.WriteLine($"usage: {KillTestContract.WriterCommand} DATABASE|postgres:CONNECTION ROUND");
        return 2;
    }
}
