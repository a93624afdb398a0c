package fpimport.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

import fpimport.failure.FpImportException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.Model.ArgGroupSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.MutuallyExclusiveArgsException;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * The one place where a command's exception becomes a message and an exit code: one line,
 * a hint, and a stack trace only with {@code --verbose}.
 */
final class ErrorHandler implements IExecutionExceptionHandler, IParameterExceptionHandler {

	/**
	 * A command line picocli cannot parse: one line naming the option and a hint, unless
	 * the fault is one of ours (a settings file that cannot be read while looking up a
	 * default), which is reported as such.
	 */
	@Override
	public int handleParseException(ParameterException ex, String[] args) throws Exception {
		if (ex.getCause() instanceof FpImportException known) {
			return handleExecutionException(known, ex.getCommandLine(), ex.getCommandLine().getParseResult());
		}
		if (ex instanceof MutuallyExclusiveArgsException exclusive) {
			return handleExecutionException(exclusive(exclusive), ex.getCommandLine(),
					ex.getCommandLine().getParseResult());
		}
		// one line naming the option, not a page of usage under it
		CommandLine commandLine = ex.getCommandLine();
		PrintWriter err = commandLine.getErr();
		err.println("error: " + continued(ex.getMessage()));
		CommandLine.UnmatchedArgumentException.printSuggestions(ex, err);
		err.println("hint: 'fpimport " + commandPath(commandLine) + "--help' lists the options");
		err.flush();
		return ExitCode.USAGE.code();
	}

	private static String commandPath(CommandLine commandLine) {
		String path = commandLine.getCommandSpec().qualifiedName(" ");
		int space = path.indexOf(' ');
		return (space < 0) ? "" : path.substring(space + 1) + " ";
	}

	/**
	 * Options of an exclusive group given together, as one line naming them and a hint
	 * showing each: {@code --every and --cron exclude each other}.
	 */
	private static FpImportException exclusive(MutuallyExclusiveArgsException ex) {
		List<String> names = new ArrayList<>();
		List<String> forms = new ArrayList<>();
		for (ArgGroupSpec group : ex.getCommandLine().getCommandSpec().argGroups()) {
			if (group.exclusive()) {
				for (OptionSpec option : group.options()) {
					names.add(option.longestName());
					forms.add(option.longestName() + " " + option.paramLabel());
				}
			}
		}
		if (names.isEmpty()) {
			return new FpImportException(FpImportException.Reason.USAGE, ex.getMessage(), null, ex);
		}
		return new FpImportException(FpImportException.Reason.USAGE,
				String.join(" and ", names) + " exclude each other", "give one: " + String.join(", or ", forms), ex);
	}

	@Override
	public int handleExecutionException(Exception ex, CommandLine commandLine, ParseResult parseResult) {
		PrintWriter err = commandLine.getErr();
		boolean verbose = FpImport.verbose(parseResult);
		if (ex instanceof FpImportException known) {
			err.println("error: " + continued(known.getMessage()));
			if (known.hint() != null) {
				err.println("hint: " + continued(known.hint()));
			}
			if (verbose) {
				ex.printStackTrace(err);
			}
			err.flush();
			return ExitCode.of(known.reason()).code();
		}
		err.println("internal error: " + continued(String.valueOf(ex)));
		if (verbose) {
			ex.printStackTrace(err);
		}
		else {
			err.println("hint: run again with --verbose for the stack trace, and report it");
		}
		err.flush();
		return ExitCode.INTERNAL.code();
	}

	/**
	 * A message whose lines after the first are indented, so that a line break in a file
	 * name cannot make a line that reads like one of ours.
	 */
	static String continued(String message) {
		if (message == null || message.indexOf('\n') < 0) {
			return message;
		}
		String[] lines = message.split("\n", -1);
		StringBuilder text = new StringBuilder(lines[0]);
		for (int i = 1; i < lines.length; i++) {
			text.append('\n').append(lines[i].startsWith("  ") ? "" : "  ").append(lines[i]);
		}
		return text.toString();
	}

}
