// Entry point: commands are added per feature (policy, simulate, serve, ...).
return 0;
