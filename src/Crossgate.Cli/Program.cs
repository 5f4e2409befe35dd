// Entry point; everything else lives in CrossgateCli and Commands/.
return Crossgate.Cli.CrossgateCli.Run(args, Console.Out, Console.Error);
