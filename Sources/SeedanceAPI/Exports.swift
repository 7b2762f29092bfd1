// The client is used with the vocabulary it speaks (models, requests, records) and the
// provider seam it drives, so importing it brings both; the SQLite store is a separate import.
@_exported public import SeedanceCore
@_exported public import SeedanceProviders
