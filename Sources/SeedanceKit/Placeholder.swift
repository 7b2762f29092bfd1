public enum SeedanceKitPlaceholder {}
