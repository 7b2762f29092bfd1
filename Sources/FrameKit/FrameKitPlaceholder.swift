// Stand-in so the package builds on branch `api`; the FrameKit branch replaces this file.
enum FrameKitPlaceholder {}
