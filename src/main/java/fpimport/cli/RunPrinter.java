package fpimport.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import fpimport.job.RunOutcome;
import fpimport.report.RunSummary;
import fpimport.failure.FpImportException;
import fpimport.failure.FpImportException.Reason;
import tools.jackson.databind.json.JsonMapper;

/**
 * Prints how a run ended and turns it into the exit code of docs/design.md#exit-codes.
 */
final class RunPrinter {

	private RunPrinter() {
	}

	/**
	 * Prints the summary, writes the summary JSON when asked, and gives the exit code; a
	 * run that stopped throws its fault after that, for the one error handler.
	 */
	static int finish(RunOutcome outcome, PrintWriter out, Path summaryJson) {
		RunSummary summary = outcome.summary();
		summary.print(out);
		if (summaryJson != null) {
			writeJson(summary, summaryJson);
		}
		if (outcome.stop() != null) {
			throw outcome.stop();
		}
		return summary.counts().allSucceeded() ? ExitCode.OK.code() : ExitCode.ROWS_FAILED.code();
	}

	private static void writeJson(RunSummary summary, Path file) {
		try {
			Path parent = file.toAbsolutePath().getParent();
			if (parent != null) {
				Files.createDirectories(parent);
			}
			Files.writeString(file, JsonMapper.builder().build().writeValueAsString(summary.json()) + "\n");
		}
		catch (IOException ex) {
			throw new FpImportException(Reason.INVALID_INPUT, file + ": cannot write the summary: " + ex.getMessage(),
					"choose a writable path for --summary-json", ex);
		}
	}

}
