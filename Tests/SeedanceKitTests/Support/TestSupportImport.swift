// Every file of this target sees the shared test helpers (paths, child processes, servers).
@_exported public import TestSupport
