package fpimport.cli;

import picocli.CommandLine.Option;

/**
 * The job repository's JDBC URL: a flag, {@code FPIMPORT_DB}, or {@code db:} in
 * fpimport.yml.
 */
final class DatabaseOption {

	@Option(names = "--db", paramLabel = "JDBC_URL",
			description = "job repository JDBC URL (env FPIMPORT_DB; default an H2 file under ~/.fpimport/)")
	String url;

}
