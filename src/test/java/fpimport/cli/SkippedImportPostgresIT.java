package fpimport.cli;

import fpimport.TestDatabases;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The skipped import's tests with PostgreSQL as the job repository, each test on a
 * database of its own; skipped without {@value TestDatabases#POSTGRES_URL_VARIABLE}.
 */
class SkippedImportPostgresIT extends SkippedImportIT {

	@RegisterExtension
	static final TestDatabases.OnPostgres POSTGRES = new TestDatabases.OnPostgres();

}
