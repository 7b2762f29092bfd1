// The submit module: request, client, journal, polling, download. See SeedanceAPI issue.
public enum SeedanceAPIPlaceholder {}
