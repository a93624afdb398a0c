package fpimport.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The two files of an import of the demo space's stories, written in a
 * {@link CliWorkspace}: {@code NAME.csv} with {@link ImportCommandIT#HEADER} and the
 * given rows, and {@code NAME.yaml} with {@link ImportCommandIT#MAPPING}.
 */
record StoryFiles(Path file, Path mapping) {

	/** Writes the files; each row is one or more CSV lines ending in a line break. */
	static StoryFiles write(CliWorkspace cli, String name, String... rows) {
		return new StoryFiles(cli.write(name + ".csv", ImportCommandIT.HEADER + String.join("", rows)),
				cli.write(name + ".yaml", ImportCommandIT.MAPPING));
	}

	/**
	 * A command line on these files: {@code COMMAND FILE --mapping MAPPING OPTIONS...}.
	 */
	String[] command(String command, String... options) {
		List<String> args = new ArrayList<>(
				List.of(command, this.file.toString(), "--mapping", this.mapping.toString()));
		args.addAll(List.of(options));
		return args.toArray(String[]::new);
	}

}
