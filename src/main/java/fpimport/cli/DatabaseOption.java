package fpimport.cli;

import fpimport.job.JobDatabase;
import picocli.CommandLine.Option;

/**
 * The job repository's JDBC URL: a flag, {@code FPIMPORT_DB}, or {@code db:} in
 * fpimport.yml. Whatever its source, settings that could run code are refused (by
 * {@link JobDatabase}); an H2 server off this machine only with the flag
 * {@code --allow-remote-db}, which no settings file can give.
 */
final class DatabaseOption {

	@Option(names = "--db", paramLabel = "JDBC_URL",
			description = "job repository JDBC URL (env FPIMPORT_DB; default an H2 file under ~/.fpimport/)")
	String url;

	@Option(names = "--allow-remote-db",
			description = "allow an H2 server database (jdbc:h2:tcp:, ssl:) on another host than this one")
	boolean allowRemote;

	/** The URL given, once refused when it names an H2 server elsewhere not allowed. */
	String url() {
		if (!this.allowRemote) {
			JobDatabase.refuseRemoteServer(this.url);
		}
		return this.url;
	}

}
