package fpimport.cli;

import fpimport.TestDatabases;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The watch command's tests with PostgreSQL as the job repository, each on a database of
 * its own; two watchers are two processes here. Skipped without
 * {@value TestDatabases#POSTGRES_URL_VARIABLE}.
 */
class WatchCommandPostgresIT extends WatchCommandIT {

	@RegisterExtension
	static final TestDatabases.OnPostgres POSTGRES = new TestDatabases.OnPostgres();

}
