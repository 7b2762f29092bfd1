public enum SeedanceStubPlaceholder {}
