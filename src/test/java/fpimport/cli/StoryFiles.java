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

	/**
	 * The start of a mapping of Jira-like rows (keyed by {@code Issue key}, named by
	 * {@code Summary}) to the demo space's stories, with the fields a story requires set;
	 * a test adds its own fields (indented under {@code fields:}) and sections.
	 */
	static final String JIRA_STORIES = """
			project: demo
			type: story
			key: [Issue key]
			key_field: field_c3d4e5
			timezone: Asia/Shanghai
			name: Summary
			fields:
			  priority: {value: P1}
			  field_5c1d2e: {value: 功能 Feature}
			  field_7e8f9a: {value: 平台 Platform/账号 Account}
			""";

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
