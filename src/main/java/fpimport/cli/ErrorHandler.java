package fpimport.cli;

import java.io.PrintWriter;

import fpimport.workitem.FpImportException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * The one place where a command's exception becomes a message and an exit code: one line,
 * a hint, and a stack trace only with {@code --verbose}.
 */
final class ErrorHandler implements IExecutionExceptionHandler {

	@Override
	public int handleExecutionException(Exception ex, CommandLine commandLine, ParseResult parseResult) {
		PrintWriter err = commandLine.getErr();
		boolean verbose = parseResult.hasMatchedOption("--verbose")
				|| (parseResult.subcommand() != null && parseResult.subcommand().hasMatchedOption("--verbose"));
		if (ex instanceof FpImportException known) {
			err.println("error: " + known.getMessage());
			if (known.hint() != null) {
				err.println("hint: " + known.hint());
			}
			if (verbose) {
				ex.printStackTrace(err);
			}
			err.flush();
			return ExitCode.of(known.reason()).code();
		}
		err.println("internal error: " + ex);
		if (verbose) {
			ex.printStackTrace(err);
		}
		else {
			err.println("hint: run again with --verbose for the stack trace, and report it");
		}
		err.flush();
		return ExitCode.INTERNAL.code();
	}

}
