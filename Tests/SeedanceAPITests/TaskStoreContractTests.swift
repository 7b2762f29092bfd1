import SeedanceAPI
import SeedanceStore
import TaskStoreContract
import Testing

/// The TaskStore contract, every check against every store implementation this package has.
@Suite struct TaskStoreContractTests {
    static let factories = [
        TaskStoreFactory(name: "SQLite") { folder in try SQLiteTaskStore(directory: folder) }
    ]

    @Test(arguments: factories, TaskStoreContract.checks)
    func contract(_ factory: TaskStoreFactory, _ check: TaskStoreContract.Check) async throws {
        try await check.run(factory)
    }
}
