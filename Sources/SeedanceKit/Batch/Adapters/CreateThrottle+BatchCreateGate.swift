public import SeedanceAPI

/// The shared create throttle is the runner's gate as it is: the port was named after it.
extension CreateThrottle: BatchCreateGate {}
